/// Holds the user code shown during a device authorization.
actor CodeBox {
    private(set) var code: String?

    func set(_ value: String) { code = value }
}
