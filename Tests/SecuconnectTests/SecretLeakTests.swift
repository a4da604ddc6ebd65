import Foundation
import InMemoryLogging
import Logging
import STXSandboxServer
import Secuconnect
import SmartTransactions
import Testing

/// Captures everything the client shows the world and searches it for the secret.
@Suite("No secret in any output")
struct SecretLeakTests {
    @Test("logs, errors, descriptions and dumps of a run through every fault never contain a secret")
    func noSecretAnywhere() async throws {
        let faults = [
            SandboxFaultRule(route: .create, fault: SandboxFault(status: 503), times: 1),
            SandboxFaultRule(route: .update, fault: SandboxFault(expireToken: true), times: 1),
            SandboxFaultRule(route: .start, fault: SandboxFault(dropAfterCommit: true), times: 1),
        ]
        try await Sandbox.with(faults: faults) { run in
            var outputs: [String] = []
            let tx = try Transactions.bakeryTransaction()
            do {
                _ = try await run.client.checkout(tx, method: "cash")
            } catch {
                outputs.append("\(error)")
                outputs.append(String(reflecting: error))
            }
            let created = try await run.client.create(Transactions.bakery())
            let paid = try await run.client.checkout(created, method: "cash")
            #expect(paid.status == .ok)
            for id in ["STX_UNKNOWN", ""] {
                do { _ = try await run.client.get(id) } catch { outputs.append("\(error)") }
            }
            let wrong = SecuconnectCredentials(clientID: Sandbox.clientID, clientSecret: Secret(run.secret + "x"))
            let refused = SecuconnectClient(
                environment: try SecuconnectEnvironment(parsing: run.endpoint.url), credentials: wrong,
                configuration: Sandbox.fastConfiguration(), logger: Logger(label: "leak") { _ in run.logs })
            do { _ = try await refused.get("STX_X") } catch { outputs.append("\(error)"); outputs.append(String(reflecting: error)) }
            await refused.shutdown()

            outputs += Self.descriptions(of: run.client, wrong, secret: run.secret)
            outputs += run.logs.entries.map { "\($0.message) \($0.metadata) \(String(describing: $0.error))" }
            #expect(run.logs.entries.count > 10)
            #expect(outputs.count > 15)
            for output in outputs {
                #expect(!output.contains(run.secret), "the secret leaked: \(output)")
                #expect(!output.contains(run.secret.dropFirst(4).prefix(12)), "part of the secret leaked: \(output)")
                #expect(!output.localizedCaseInsensitiveContains("bearer "), "a token leaked: \(output)")
            }
        }
    }

    private static func descriptions(
        of client: SecuconnectClient, _ credentials: SecuconnectCredentials, secret: String
    ) -> [String] {
        let file = DeviceTokenFile(clientID: "id", clientSecret: Secret(secret), refreshToken: Secret(secret))
        var dumps: [String] = []
        for value in [client, credentials, file, Secret(secret), credentials.clientSecret] as [Any] {
            var dumped = ""
            dump(value, to: &dumped)
            dumps += [dumped, "\(value)", String(reflecting: value)]
        }
        return dumps + ["\(credentials.grant)", "\(SecuconnectCredentials.Grant.refreshToken(Secret(secret)))"]
    }
}
