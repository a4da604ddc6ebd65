/// How the client finds out what happened to a `start` that got no clear answer (see the README's
/// "No double charge" state machine).
public struct StartRecoveryPolicy: Sendable, Equatable {
    /// How long to keep reading the status while it still says `created`/`processing` after a start
    /// with an unknown outcome (the terminal may still be busy). Default 120 s.
    public var settleTimeout: Duration
    /// The pause between two status reads. Default 2 s.
    public var pollInterval: Duration
    /// Whether a start that provably never reached the server (no connection) is sent once more
    /// after the status confirms it was not started. Default true.
    public var restartWhenNotDelivered: Bool

    /// Creates a policy.
    /// - Parameters:
    ///   - settleTimeout: how long to wait for a final status.
    ///   - pollInterval: the pause between status reads.
    ///   - restartWhenNotDelivered: whether an undelivered start is sent once more.
    public init(
        settleTimeout: Duration = .seconds(120), pollInterval: Duration = .seconds(2),
        restartWhenNotDelivered: Bool = true
    ) {
        self.settleTimeout = settleTimeout
        self.pollInterval = pollInterval
        self.restartWhenNotDelivered = restartWhenNotDelivered
    }
}
