/// A pending device authorization: show ``userCode`` and ``verificationURL`` to the merchant, who
/// confirms the device in SecuOffice while the client polls.
public struct DeviceAuthorization: Sendable, CustomStringConvertible {
    /// The code the merchant types in SecuOffice.
    public var userCode: String
    /// Where the merchant confirms the code.
    public var verificationURL: String
    /// How long the code stays valid.
    public var expiresIn: Duration
    /// The server's suggested pause between polls, in seconds.
    public var interval: Int
    /// The device code the client polls with (confidential).
    var deviceCode: Secret

    /// The user code and the verification URL.
    public var description: String {
        "DeviceAuthorization(user_code: \(userCode), verification_url: \(verificationURL))"
    }
}
