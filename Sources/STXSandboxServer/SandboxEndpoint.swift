/// Where a running sandbox listens.
public struct SandboxEndpoint: Sendable, Equatable, CustomStringConvertible {
    /// The host, e.g. `127.0.0.1`.
    public var host: String
    /// The bound port.
    public var port: Int

    /// The root URL, e.g. `http://127.0.0.1:8080`: pass it to `stx-run --env` or
    /// `SecuconnectEnvironment(parsing:)`.
    public var url: String { "http://\(host):\(port)" }

    /// The root URL.
    public var description: String { url }
}
