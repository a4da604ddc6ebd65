import Foundation
import STXSandboxServer
import Secuconnect
import SmartTransactions
import Testing

/// Every fault the sandbox can inject, driven through the real client over loopback HTTP.
@Suite("Faults")
struct FaultTests {
    @Test("a token expiring mid-flow: the start is refused before it runs, re-authenticated once, charged once")
    func tokenExpiresMidFlow() async throws {
        let faults = [SandboxFaultRule(route: .start, fault: SandboxFault(expireToken: true), times: 1)]
        try await Sandbox.with(faults: faults) { run in
            let paid = try await run.client.checkout(try Transactions.bakeryTransaction(), method: "cash")
            let id = try #require(paid.id)
            #expect(paid.status == .ok)
            #expect(run.ledger.tokensRefused == 1)
            #expect(run.ledger.tokensIssued == 2)
            #expect(run.ledger.commits(id) == 1)
        }
    }

    @Test("a token past its lifetime less the margin is replaced before the request, without a refusal")
    func tokenExpiresByTime() async throws {
        try await Sandbox.with(tokenLifetime: .seconds(2)) { run in
            let created = try await run.client.create(Transactions.bakery())
            let id = try #require(created.id)
            try await Task.sleep(for: .milliseconds(1100))  // lifetime 2 s less the 1 s margin
            _ = try await run.client.get(id)
            #expect(run.ledger.tokensIssued == 2)
            #expect(run.ledger.tokensRefused == 0)
        }
    }

    @Test("a token refused again after re-authentication is reported: one re-authentication, not a loop")
    func reauthenticatesOnlyOnce() async throws {
        let configuration = Sandbox.fastConfiguration(extraHeaders: [SandboxFault.headerName: "expire-token"])
        try await Sandbox.with(client: configuration) { run in
            let error = await #expect(throws: SecuconnectError.self) { try await run.client.get("STX_ANY") }
            guard case .api(let api)? = error else {
                Issue.record("expected an API error, got \(String(describing: error))")
                return
            }
            #expect(api.httpStatus == 403)
            #expect(api.error == "ProductNotAllowedException")
            #expect(api.code == 2003)
            #expect(run.ledger.tokensIssued == 2)
            #expect(run.ledger.requests(.get) == 2)
        }
    }

    @Test("a 5xx on create is a typed error, nothing is started; the next checkout succeeds")
    func serverErrorOnCreate() async throws {
        let faults = [SandboxFaultRule(route: .create, fault: SandboxFault(status: 503), times: 1)]
        try await Sandbox.with(faults: faults) { run in
            let tx = try Transactions.bakeryTransaction()
            let error = await #expect(throws: SecuconnectError.self) { try await run.client.checkout(tx, method: "cash") }
            guard case .api(let api)? = error else {
                Issue.record("expected an API error, got \(String(describing: error))")
                return
            }
            #expect(api.httpStatus == 503)
            #expect(api.error == "ProductInternalException")
            #expect(run.ledger.requests(.create) == 1)
            #expect(run.ledger.requests(.start) == 0)

            let paid = try await run.client.checkout(tx, method: "cash")
            #expect(paid.status == .ok)
            #expect(run.ledger.totalCommits == 1)
        }
    }

    @Test("the connection dropped after the start was committed: the status is read, charged exactly once")
    func dropAfterCommit() async throws {
        let faults = [SandboxFaultRule(route: .start, fault: SandboxFault(dropAfterCommit: true), times: 1)]
        try await Sandbox.with(faults: faults) { run in
            let paid = try await run.client.checkout(try Transactions.bakeryTransaction(), method: "cash")
            let id = try #require(paid.id)
            #expect(paid.status == .ok)
            #expect(paid.receipt?.isEmpty == false)
            #expect(run.ledger.requests(.start, id: id) == 1)
            #expect(run.ledger.commits(id) == 1)
            #expect(run.ledger.requests(.get, id: id) >= 1)
        }
    }

    @Test("a timeout on start: the status is read until the terminal finishes, and there is no second start")
    func timeoutOnStartSettles() async throws {
        let faults = [SandboxFaultRule(route: .start, fault: SandboxFault(delay: .milliseconds(1200)), times: 1)]
        let configuration = Sandbox.fastConfiguration(startTimeout: .milliseconds(300), settle: .seconds(5))
        try await Sandbox.with(faults: faults, client: configuration) { run in
            let paid = try await run.client.checkout(try Transactions.bakeryTransaction(), method: "cash")
            let id = try #require(paid.id)
            #expect(paid.status == .ok)
            #expect(run.ledger.requests(.start, id: id) == 1)
            #expect(run.ledger.commits(id) == 1)
            #expect(run.ledger.requests(.get, id: id) >= 2)
        }
    }

    @Test("a timeout on start that does not settle is reported as unknown, never started again")
    func timeoutOnStartReported() async throws {
        let faults = [SandboxFaultRule(route: .start, fault: SandboxFault(delay: .milliseconds(1500)), times: 1)]
        let configuration = Sandbox.fastConfiguration(startTimeout: .milliseconds(200), settle: .milliseconds(300))
        try await Sandbox.with(faults: faults, client: configuration) { run in
            let created = try await run.client.create(Transactions.bakery())
            let id = try #require(created.id)
            let error = await #expect(throws: SecuconnectError.self) { try await run.client.start(id, method: "cash") }
            guard case .startOutcomeUnknown(let reportedID, let status, _)? = error else {
                Issue.record("expected startOutcomeUnknown, got \(String(describing: error))")
                return
            }
            #expect(reportedID == id)
            #expect(status == "created")
            #expect(run.ledger.requests(.start, id: id) == 1)
            #expect(run.ledger.requests(.get, id: id) >= 1)
        }
    }

    @Test("a 5xx on start leaves the outcome unknown: the status is read, no second start")
    func serverErrorOnStart() async throws {
        let faults = [SandboxFaultRule(route: .start, fault: SandboxFault(status: 502))]
        let configuration = Sandbox.fastConfiguration(settle: .milliseconds(300))
        try await Sandbox.with(faults: faults, client: configuration) { run in
            let created = try await run.client.create(Transactions.bakery())
            let id = try #require(created.id)
            let error = await #expect(throws: SecuconnectError.self) { try await run.client.start(id, method: "cash") }
            guard case .startOutcomeUnknown(_, "created", let reason)? = error else {
                Issue.record("expected startOutcomeUnknown with status created, got \(String(describing: error))")
                return
            }
            #expect(reason.contains("502"))
            #expect(run.ledger.requests(.start, id: id) == 1)
            #expect(run.ledger.commits(id) == 0)
        }
    }

    @Test("faults also come from the X-STX-Fault header; a malformed header is a 400")
    func faultHeader() async throws {
        let configuration = Sandbox.fastConfiguration(extraHeaders: [SandboxFault.headerName: "teleport=1"])
        try await Sandbox.with(client: configuration) { run in
            let error = await #expect(throws: SecuconnectError.self) { try await run.client.get("STX_ANY") }
            guard case .authentication(let failure)? = error else {
                Issue.record("expected the token request to fail, got \(String(describing: error))")
                return
            }
            #expect(failure.httpStatus == 400)
            #expect(failure.errorDescription?.contains("teleport") == true)
        }
    }
}
