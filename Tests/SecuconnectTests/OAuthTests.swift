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

    @Test("device grant: register, poll while authorization_pending, then a session that refreshes")
    func deviceFlow() async throws {
        try await Sandbox.with { run in
            let shown = CodeBox()
            let session = try await run.client.authorizeDevice(uuid: "/vendor/stx/cashier/1") { authorization in
                await shown.set(authorization.userCode)
            }
            #expect(await shown.code?.isEmpty == false)
            #expect(run.ledger.requests(.token) == 4)  // register, two pending polls, the approval
            #expect(session.uuid == "/vendor/stx/cashier/1")

            let refreshing = SecuconnectClient(
                environment: try SecuconnectEnvironment(parsing: run.endpoint.url), credentials: session.credentials,
                configuration: Sandbox.fastConfiguration(), logger: Sandbox.quietLogger)
            defer { Task { await refreshing.shutdown() } }
            let error = await #expect(throws: SecuconnectError.self) { try await refreshing.get("STX_UNKNOWN") }
            #expect(run.ledger.tokensIssued == 2)  // the device session, then the refresh grant
            if case .authentication? = error { Issue.record("the refresh grant was refused: \(String(describing: error))") }
        }
    }
}

/// Holds the user code shown during a device authorization.
actor CodeBox {
    private(set) var code: String?

    func set(_ value: String) { code = value }
}
