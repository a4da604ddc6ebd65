import CheckoutScripting
import SmartTransactions
import STXEmulator
import Testing

@Suite("tx:reject and what is sent (design.md §3)")
struct RejectTests {
    @Test("tx:reject stops the checkout before the API: nothing is sent", arguments: ["on_basket", "on_topup"])
    func rejectSendsNothing(hook: String) async throws {
        let gateway = CountingGateway()
        do {
            _ = try await checkout("function \(hook)(tx) tx:reject('Karte gesperrt') end", gateway: gateway)
            Issue.record("the checkout was not rejected")
        } catch let failure as CheckoutFailure {
            #expect(failure.error == .rejected("Karte gesperrt"))
            #expect(failure.audit.last?.action == .reject)
        }
        #expect(gateway.payments == 0)
    }

    @Test("a script cannot undo a rejection by catching it with pcall")
    func pcallCannotUndoReject() {
        let failure = failure("""
            function on_basket(tx)
              local ok = pcall(tx.reject, tx, "zu teuer")
              log("caught", tostring(ok))
            end
            """)
        #expect(failure?.error == .rejected("zu teuer"))
        #expect(failure?.log == ["caught\tfalse"])
    }

    @Test("a script error before the API sends nothing")
    func scriptErrorSendsNothing() async throws {
        let gateway = CountingGateway()
        await #expect(throws: CheckoutFailure.self) {
            _ = try await checkout("function on_basket(tx) error('boom') end", gateway: gateway)
        }
        #expect(gateway.payments == 0)
    }

    @Test("explain records why a rule did not apply")
    func explain() throws {
        let prepared = try prepare("function on_basket(tx)\n  explain('Happy Hour', 'not between 17 and 18')\nend")
        let entry = try #require(prepared.audit.first)
        #expect(entry.action == .explain && entry.line == "checkout.lua:2")
        #expect(entry.summary() == "explain \"Happy Hour\": not between 17 and 18")
    }
}
