import Foundation
import STXSandboxServer
import Secuconnect
import SmartTransactions
import Testing

@Suite("Smart Transactions through the sandbox")
struct TransactionFlowTests {
    @Test("checkout creates, starts once, and returns the paid transaction with its receipt")
    func checkoutCreatesAndStarts() async throws {
        try await Sandbox.with { run in
            let paid = try await run.client.checkout(try Transactions.bakeryTransaction(), method: "cash")
            let id = try #require(paid.id)
            #expect(paid.status == .ok)
            #expect(paid.receipt?.isEmpty == false)
            #expect(paid.basketInfo?.sum == 900)
            #expect(run.ledger.requests(.create) == 1)
            #expect(run.ledger.requests(.start, id: id) == 1)
            #expect(run.ledger.commits(id) == 1)
            #expect(run.ledger.tokensIssued == 1)
        }
    }

    @Test("checkout of a transaction with an id updates it (full object) instead of creating one")
    func checkoutUpdatesExisting() async throws {
        try await Sandbox.with { run in
            var created = try await run.client.create(Transactions.bakery())
            let id = try #require(created.id)
            try created.setValue("till-2", forKey: "merchantRef")
            let paid = try await run.client.checkout(created, method: "cash")
            #expect(paid.id == id)
            #expect(paid.merchantRef == "till-2")
            #expect(run.ledger.requests(.create) == 1)
            #expect(run.ledger.requests(.update, id: id) == 1)
            #expect(run.ledger.commits(id) == 1)
        }
    }

    @Test("get, preTransaction, cancelTrx by receipt number")
    func otherEndpoints() async throws {
        try await Sandbox.with { run in
            let created = try await run.client.create(Transactions.bakery())
            let id = try #require(created.id)
            #expect(try await run.client.get(id).status == .created)
            let pre = try await run.client.preTransaction(id)
            #expect(pre["missing_sum"] != nil)
            let paid = try await run.client.start(id, method: "cash")
            let receiptNumber = try #require(paid.receiptNumber)
            let cancelled = try await run.client.cancelTrx(receiptNumber: receiptNumber)
            #expect(cancelled.status == .cancelled)
        }
    }

    @Test("an unknown id is the API's typed 404 with every payload field")
    func unknownID() async throws {
        try await Sandbox.with { run in
            let error = await #expect(throws: SecuconnectError.self) { try await run.client.get("STX_DOES_NOT_EXIST") }
            guard case .api(let api)? = error else {
                Issue.record("expected an API error, got \(String(describing: error))")
                return
            }
            #expect(api.httpStatus == 404)
            #expect(api.status == "error")
            #expect(api.error == "ProductNotFoundException")
            #expect(api.errorDetails?.isEmpty == false)
            #expect(api.errorUser?.isEmpty == false)
            #expect(api.code != nil)
            #expect(api.supportID?.isEmpty == false)
        }
    }

    @Test("an invalid basket is refused with the API's error payload and nothing is started")
    func invalidBasket() async throws {
        try await Sandbox.with { run in
            let body = try SmartTransaction(json: Transactions.bakery(sum: 1))
            let error = await #expect(throws: SecuconnectError.self) { try await run.client.checkout(body, method: "cash") }
            guard case .api(let api)? = error else {
                Issue.record("expected an API error, got \(String(describing: error))")
                return
            }
            #expect(api.httpStatus == 400)
            #expect(api.error?.hasSuffix("Exception") == true)
            #expect(run.ledger.requests(.start) == 0)
            #expect(run.ledger.totalCommits == 0)
        }
    }

    @Test("starting twice is refused by the API and reported, not retried")
    func startTwice() async throws {
        try await Sandbox.with { run in
            let paid = try await run.client.checkout(try Transactions.bakeryTransaction(), method: "cash")
            let id = try #require(paid.id)
            await #expect(throws: SecuconnectError.self) { try await run.client.start(id, method: "cash") }
            #expect(run.ledger.requests(.start, id: id) == 2)
            #expect(run.ledger.commits(id) == 1)
        }
    }
}
