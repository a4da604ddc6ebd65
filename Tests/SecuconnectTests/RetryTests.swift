import STXSandboxServer
import Secuconnect
import Testing

@Suite("Retries")
struct RetryTests {
    @Test("a read answered 503 is tried again, up to readAttempts")
    func readRetried() async throws {
        let faults = [SandboxFaultRule(route: .get, fault: SandboxFault(status: 503), times: 2)]
        try await Sandbox.with(faults: faults) { run in
            let created = try await run.client.create(Transactions.bakery())
            let id = try #require(created.id)
            #expect(try await run.client.get(id).id == id)
            #expect(run.ledger.requests(.get, id: id) == 3)
        }
    }

    @Test("createNew ignores the id of a template transaction and creates a new one")
    func createNewFromTemplate() async throws {
        try await Sandbox.with { run in
            var template = try Transactions.bakeryTransaction()
            try template.setValue("STX_TEMPLATE", forKey: "id")
            let paid = try await run.client.checkout(template, method: "cash", createNew: true)
            #expect(paid.id != "STX_TEMPLATE")
            #expect(run.ledger.requests(.create) == 1)
            #expect(run.ledger.requests(.update) == 0)
        }
    }
}
