import Foundation
import InMemoryLogging
import Logging
import STXSandboxServer
import Secuconnect

/// Runs a sandbox on a free loopback port and a real client against it.
enum Sandbox {
    /// A client secret unique to the run, so a leak check can search for it.
    static let clientID = "stx-test-client"

    /// A logger that discards everything, for clients whose logs a test does not inspect.
    static let quietLogger = Logger(label: "test.quiet") { _ in SwiftLogNoOpLogHandler() }

    /// Everything a test needs: the server (and its ledger), the client, the captured client logs.
    struct Run {
        let server: SandboxServer
        let client: SecuconnectClient
        let logs: InMemoryLogHandler
        let secret: String
        let endpoint: SandboxEndpoint

        var ledger: SandboxLedger { server.ledger }
    }

    /// Fast client settings: short timeouts and polls, so every fault test stays well under a second.
    static func fastConfiguration(
        startTimeout: Duration = .seconds(5), settle: Duration = .seconds(5), extraHeaders: [String: String] = [:]
    ) -> SecuconnectConfiguration {
        SecuconnectConfiguration(
            timeouts: SecuconnectTimeouts(connect: .seconds(2), request: .seconds(5), start: startTimeout),
            tokenExpiryMargin: .seconds(1),
            startRecovery: StartRecoveryPolicy(settleTimeout: settle, pollInterval: .milliseconds(100)),
            devicePolling: DevicePollingPolicy(minimumInterval: .milliseconds(20), maximumInterval: .milliseconds(100)),
            readRetryDelay: .milliseconds(50), extraHeaders: extraHeaders)
    }

    /// Starts a sandbox with `faults`, makes a client, runs `body`, stops both.
    static func with<T>(
        faults: [SandboxFaultRule] = [], tokenLifetime: Duration = .seconds(1200),
        client configuration: SecuconnectConfiguration = fastConfiguration(),
        _ body: (Run) async throws -> T
    ) async throws -> T {
        let secret = "sec-" + UUID().uuidString
        let server = SandboxServer(
            configuration: SandboxConfiguration(
                port: 0, clients: [clientID: secret], tokenLifetime: tokenLifetime, deviceInterval: 0,
                devicePendingPolls: 2, faults: faults, clock: { "2025-01-31T10:00:00+01:00" }),
            logger: quietLogger)
        return try await server.withRunning { endpoint in
            let logs = InMemoryLogHandler()
            var logger = Logger(label: "test.client") { _ in logs }
            logger.logLevel = .trace
            let client = SecuconnectClient(
                environment: try SecuconnectEnvironment(parsing: endpoint.url),
                credentials: SecuconnectCredentials(clientID: clientID, clientSecret: Secret(secret)),
                configuration: configuration, logger: logger)
            do {
                let result = try await body(Run(server: server, client: client, logs: logs, secret: secret, endpoint: endpoint))
                await client.shutdown()
                return result
            } catch {
                await client.shutdown()
                throw error
            }
        }
    }
}
