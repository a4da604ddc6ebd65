/// Everything about the client's behaviour that a caller may tune.
public struct SecuconnectConfiguration: Sendable, Equatable {
    /// Timeouts; `start` has its own, long one.
    public var timeouts: SecuconnectTimeouts
    /// A token counts as expired this long before its `expires_in` runs out. Default 30 s.
    public var tokenExpiryMargin: Duration
    /// How an unclear `start` is resolved.
    public var startRecovery: StartRecoveryPolicy
    /// How a pending device authorization is polled.
    public var devicePolling: DevicePollingPolicy
    /// How many times a read (`GET`) is tried when it gets no answer or a 502/503/504. Default 3.
    public var readAttempts: Int
    /// The pause before the second read attempt; it grows linearly. Default 500 ms.
    public var readRetryDelay: Duration
    /// Extra headers sent with every request, e.g. `X-STX-Fault` for the sandbox. Empty by default.
    public var extraHeaders: [String: String]
    /// The `User-Agent` header.
    public var userAgent: String
    /// The largest response body accepted, in bytes. Default 8 MiB.
    public var maxResponseBytes: Int

    /// Creates a configuration; every parameter has a production default.
    /// - Parameters:
    ///   - timeouts: timeouts.
    ///   - tokenExpiryMargin: the safety margin before a token's expiry.
    ///   - startRecovery: how an unclear start is resolved.
    ///   - devicePolling: how a device authorization is polled.
    ///   - readAttempts: attempts for a `GET`.
    ///   - readRetryDelay: the pause before the second attempt.
    ///   - extraHeaders: headers added to every request.
    ///   - userAgent: the `User-Agent` header.
    ///   - maxResponseBytes: the largest accepted body.
    public init(
        timeouts: SecuconnectTimeouts = .init(), tokenExpiryMargin: Duration = .seconds(30),
        startRecovery: StartRecoveryPolicy = .init(), devicePolling: DevicePollingPolicy = .init(),
        readAttempts: Int = 3, readRetryDelay: Duration = .milliseconds(500), extraHeaders: [String: String] = [:], userAgent: String = "stx-secuconnect/1",
        maxResponseBytes: Int = 8 << 20
    ) {
        self.timeouts = timeouts
        self.tokenExpiryMargin = tokenExpiryMargin
        self.startRecovery = startRecovery
        self.devicePolling = devicePolling
        self.readAttempts = max(1, readAttempts)
        self.readRetryDelay = readRetryDelay
        self.extraHeaders = extraHeaders
        self.userAgent = userAgent
        self.maxResponseBytes = maxResponseBytes
    }
}
