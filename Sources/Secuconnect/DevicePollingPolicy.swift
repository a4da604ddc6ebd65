/// How the client polls `/oauth/token` while a device authorization is `authorization_pending`.
///
/// The first pause is the server's `interval` (at least ``minimumInterval``); each further
/// `authorization_pending` multiplies it by 3/2 up to ``maximumInterval``; `slow_down` adds 5 s.
public struct DevicePollingPolicy: Sendable, Equatable {
    /// The shortest pause between polls. Default 1 s.
    public var minimumInterval: Duration
    /// The longest pause between polls. Default 30 s.
    public var maximumInterval: Duration

    /// Creates a policy.
    /// - Parameters:
    ///   - minimumInterval: the shortest pause.
    ///   - maximumInterval: the longest pause.
    public init(minimumInterval: Duration = .seconds(1), maximumInterval: Duration = .seconds(30)) {
        self.minimumInterval = minimumInterval
        self.maximumInterval = maximumInterval
    }

    /// The pause after `previous` when the server answered `authorization_pending` or `slow_down`.
    /// - Parameters:
    ///   - previous: the pause used before.
    ///   - slowDown: whether the server asked to slow down.
    /// - Returns: the next pause, within the policy's bounds.
    public func next(after previous: Duration, slowDown: Bool) -> Duration {
        let grown = slowDown ? previous + .seconds(5) : previous * 3 / 2
        return clamp(grown)
    }

    /// The first pause for a server `interval` in seconds.
    /// - Parameter serverInterval: the `interval` of the device registration answer.
    /// - Returns: the first pause, within the policy's bounds.
    public func first(serverInterval: Int) -> Duration {
        clamp(.seconds(max(0, serverInterval)))
    }

    private func clamp(_ value: Duration) -> Duration {
        min(max(value, minimumInterval), max(minimumInterval, maximumInterval))
    }
}
