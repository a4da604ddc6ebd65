import Foundation

/// How the sandbox listens, whom it lets in, and what it breaks on purpose.
public struct SandboxConfiguration: Sendable {
    /// The default OAuth client id, documented in the README (not a secret: it only opens the sandbox).
    public static let defaultClientID = "stx-sandbox"
    /// The default OAuth client secret of the sandbox.
    public static let defaultClientSecret = "stx-sandbox-secret"

    /// The address to listen on. Default `127.0.0.1`.
    public var host: String
    /// The port; 0 picks a free one. Default 8080.
    public var port: Int
    /// The OAuth clients: client id → secret.
    public var clients: [String: String]
    /// How long an access token lives. Default 1200 s, as secuconnect's.
    public var tokenLifetime: Duration
    /// `interval` in the device registration answer, in seconds. Default 5.
    public var deviceInterval: Int
    /// How many polls of a device code answer `authorization_pending` before the sandbox approves it
    /// by itself (nobody confirms anything in a sandbox). Default 2.
    public var devicePendingPolls: Int
    /// Faults the server injects by itself.
    public var faults: [SandboxFaultRule]
    /// The emulator's clock: an ISO-8601 timestamp with offset.
    public var clock: @Sendable () -> String
    /// The emulator's seed for ids.
    public var seed: UInt64

    /// Creates a configuration; every parameter has a default.
    /// - Parameters:
    ///   - host: the address to listen on.
    ///   - port: the port, 0 for a free one.
    ///   - clients: client id → secret.
    ///   - tokenLifetime: the access tokens' lifetime.
    ///   - deviceInterval: the device poll interval announced, in seconds.
    ///   - devicePendingPolls: the polls answered `authorization_pending` before approval.
    ///   - faults: faults injected by the server.
    ///   - clock: the emulator's clock.
    ///   - seed: the emulator's seed.
    public init(
        host: String = "127.0.0.1", port: Int = 8080,
        clients: [String: String] = [defaultClientID: defaultClientSecret], tokenLifetime: Duration = .seconds(1200),
        deviceInterval: Int = 5, devicePendingPolls: Int = 2, faults: [SandboxFaultRule] = [],
        clock: @escaping @Sendable () -> String = SandboxConfiguration.wallClock, seed: UInt64 = 1
    ) {
        self.host = host
        self.port = port
        self.clients = clients
        self.tokenLifetime = tokenLifetime
        self.deviceInterval = deviceInterval
        self.devicePendingPolls = devicePendingPolls
        self.faults = faults
        self.clock = clock
        self.seed = seed
    }

    /// The current time as ISO-8601 with the local offset, e.g. `2025-01-31T10:00:00+01:00`.
    /// - Returns: the timestamp.
    @Sendable public static func wallClock() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
