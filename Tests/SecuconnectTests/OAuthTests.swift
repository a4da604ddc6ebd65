import Foundation
import Logging
import STXSandboxServer
import Secuconnect
import Testing

@Suite("OAuth against the sandbox")
struct OAuthTests {
    @Test("a wrong client secret is a typed authentication error naming the variables to check")
    func wrongSecret() async throws {
        try await Sandbox.with { run in
            let client = SecuconnectClient(
                environment: try SecuconnectEnvironment(parsing: run.endpoint.url),
                credentials: SecuconnectCredentials(clientID: Sandbox.clientID, clientSecret: Secret("wrong")),
                configuration: Sandbox.fastConfiguration(), logger: Sandbox.quietLogger)
            defer { Task { await client.shutdown() } }
            let error = await #expect(throws: SecuconnectError.self) { try await client.get("STX_X") }
            guard case .authentication(let failure)? = error else {
                Issue.record("expected an authentication error, got \(String(describing: error))")
                return
            }
            #expect(failure.error == "invalid_client")
            #expect(failure.description.contains("STX_CLIENT_SECRET"))
            #expect(run.ledger.tokensIssued == 0)
        }
    }

    @Test("device grant: register, poll while authorization_pending, then renew with the refresh token")
    func deviceFlow() async throws {
        let faults = [SandboxFaultRule(route: .get, fault: SandboxFault(expireToken: true), times: 1)]
        try await Sandbox.with(faults: faults) { run in
            let shown = CodeBox()
            let session = try await run.client.authorizeDevice(uuid: "/vendor/stx/cashier/1") { authorization in
                await shown.set(authorization.userCode)
            }
            #expect(await shown.code?.isEmpty == false)
            #expect(run.ledger.requests(.token) == 4)  // register, two pending polls, the approval
            #expect(run.ledger.tokensIssued(grant: "device") == 1)
            #expect(session.uuid == "/vendor/stx/cashier/1")

            let created = try await run.client.create(Transactions.bakery())
            _ = try await run.client.get(try #require(created.id))  // its token expires: renewed by refresh
            #expect(run.ledger.tokensIssued(grant: "refresh_token") == 1)

            let restarted = SecuconnectClient(
                environment: try SecuconnectEnvironment(parsing: run.endpoint.url), credentials: session.credentials,
                configuration: Sandbox.fastConfiguration(), logger: Sandbox.quietLogger)
            defer { Task { await restarted.shutdown() } }
            #expect(try await restarted.get(try #require(created.id)).id == created.id)
            #expect(run.ledger.tokensIssued(grant: "refresh_token") == 2)
            #expect(run.ledger.tokensIssued(grant: "client_credentials") == 0)
        }
    }
}
