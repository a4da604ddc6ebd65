/// How long the client waits. `start` blocks while a terminal takes the payment, so it has its own,
/// long timeout; everything else is short.
public struct SecuconnectTimeouts: Sendable, Equatable {
    /// Establishing a TCP/TLS connection. Default 10 s.
    public var connect: Duration
    /// Any request other than `start` (create, read, update, token, …). Default 30 s.
    public var request: Duration
    /// `POST …/start/{method}`, which answers only when the terminal is done. Default 300 s.
    public var start: Duration

    /// Creates timeouts.
    /// - Parameters:
    ///   - connect: connection establishment.
    ///   - request: every request except `start`.
    ///   - start: `start`.
    public init(connect: Duration = .seconds(10), request: Duration = .seconds(30), start: Duration = .seconds(300)) {
        self.connect = connect
        self.request = request
        self.start = start
    }
}
