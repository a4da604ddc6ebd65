import Secuconnect
import Testing

@Suite("Transport failures")
struct TransportFailureTests {
    @Test("no server listening: the error says the request was not delivered")
    func connectionRefused() async throws {
        let client = SecuconnectClient(
            environment: try SecuconnectEnvironment(parsing: "http://127.0.0.1:1"),
            credentials: SecuconnectCredentials(clientID: "id", clientSecret: Secret("s")),
            configuration: Sandbox.fastConfiguration(), logger: Sandbox.quietLogger)
        let error = await #expect(throws: SecuconnectError.self) { try await client.get("STX_1") }
        await client.shutdown()
        guard case .transport("login", let failure)? = error else {
            Issue.record("expected a transport error of the login, got \(String(describing: error))")
            return
        }
        #expect(failure.kind == .notDelivered)
    }
}
