import SmartTransactions
import STXEmulator
import Testing

@Suite("Emulator refusals")
struct EmulatorRefusalTests {
    typealias S = EmulatorSupport

    private func expectFormatError(_ body: JSONValue, mentioning text: String) {
        let error = S.refusal { try S.emulator().create(body) }
        #expect(error?.error == "ProductFormatException")
        #expect(error?.httpStatus == 400)
        #expect(error?.errorDetails?.contains(text) == true, "\(String(describing: error))")
    }

    @Test func anUnknownIDIsNotFound() throws {
        let error = try #require(S.refusal { try S.emulator().get("STX_NOPE") })
        #expect(error.status == "error")
        #expect(error.error == "ProductNotFoundException")
        #expect(error.errorDetails == "Unknown id")
        #expect(error.errorUser?.contains("nicht gefunden") == true)
        #expect(error.code == 404 && error.httpStatus == 404)
        #expect(error.supportID?.count == 32)
        #expect(try APIErrorPayload(json: error.json) == error)
        let emulator = S.emulator()
        let body = try S.body([S.bread])
        for call in [
            { _ = try emulator.update("STX_NOPE", body) },
            { _ = try emulator.preTransaction("STX_NOPE") },
            { _ = try emulator.start("STX_NOPE", method: "cash") },
            { _ = try emulator.cancel("STX_NOPE") },
            { _ = try emulator.cancelTrx(receiptNumber: 1) },
        ] {
            #expect(S.refusal(call)?.error == "ProductNotFoundException")
        }
    }

    @Test func invalidBaskets() throws {
        expectFormatError(try S.body([S.bread], sum: 100), mentioning: "basket_info.sum is 100 but the products add up to 700")
        var zero = S.bread
        zero.quantity = 0
        expectFormatError(try S.body([zero], sum: 0), mentioning: "basket.products[0] (id 1) quantity")
        let negative = BasketProduct(id: 4, desc: "Minus", priceOne: -10, tax: 7)
        expectFormatError(try S.body([negative]), mentioning: "priceOne")
        expectFormatError(try S.body([]), mentioning: "basket.products is empty")
        expectFormatError(["basket": ["products": [S.bread.json]], "basket_info": ["sum": 700]], mentioning: "currency is missing")
        expectFormatError(["basket": ["products": [["desc": "x", "quantity": 1, "priceOne": 1.5, "tax": 7]]]],
                          mentioning: "$.basket.products[0].priceOne")
        expectFormatError(["basket": ["products": [["desc": "x", "quantity": 1, "priceOne": 1e30, "tax": 7]]]],
                          mentioning: "overflows")
        expectFormatError([1, 2], mentioning: "$: expected an object")
    }

    @Test func anUnknownStartMethod() throws {
        let emulator = S.emulator()
        let id = try #require(try emulator.create(try S.body([S.bread])).id)
        for method in ["bitcoin", "demo", "", "CASH"] {
            let error = S.refusal { try emulator.start(id, method: method) }
            #expect(error?.error == "ProductFormatException")
            #expect(error?.errorDetails?.contains("cash, cashless, debit") == true)
        }
        #expect(try emulator.get(id).status == .created)
    }

    @Test func aTopUpWithoutACard() throws {
        let emulator = S.emulator()
        let id = try #require(try emulator.create(try S.body([S.topUp])).id)
        let error = S.refusal { try emulator.start(id, method: "cash") }
        #expect(error?.error == "ProductFormatException")
        #expect(error?.errorDetails?.contains("needs a loyalty card") == true)
    }

    @Test func statusTransitionsAreEnforced() throws {
        let emulator = S.emulator()
        let body = try S.body([S.bread])
        let id = try #require(try emulator.create(body).id)
        let state = "ProductInvalidStateException"
        #expect(S.refusal { try emulator.cancel(id) }?.error == state)
        let paid = try emulator.start(id, method: "cash")
        let twice = S.refusal { try emulator.start(id, method: "cash") }
        #expect(twice?.error == state)
        #expect(twice?.httpStatus == 409)
        #expect(twice?.errorDetails?.contains("status ok") == true)
        #expect(S.refusal { try emulator.update(id, body) }?.error == state)
        #expect(S.refusal { try emulator.preTransaction(id) }?.error == state)
        _ = try emulator.cancel(id)
        #expect(S.refusal { try emulator.cancel(id) }?.error == state)
        let receiptNumber = try #require(paid.receiptNumber)
        #expect(S.refusal { try emulator.cancelTrx(receiptNumber: receiptNumber) }?.error == state)
        #expect(S.refusal { try emulator.start(id, method: "cash") }?.error == state)
        #expect(try emulator.get(id).status == .cancelled)
    }

    @Test func aRefusedUpdateLeavesTheTransactionUnchanged() throws {
        let emulator = S.emulator()
        let created = try emulator.create(try S.body([S.bread]))
        let id = try #require(created.id)
        let wrongSum = try S.body([S.bread], sum: 1)
        #expect(S.refusal { try emulator.update(id, wrongSum) } != nil)
        #expect(try emulator.get(id) == created)
    }

    @Test func cardBalancesBeyondTheLimitAreRefusedNotATrap() throws {
        var rich = S.card
        rich.merchantcard = try MerchantCard(json: ["cash_balance": .int(Int.max), "bonus_balance": 1])
        let body = try S.body([S.bread], idents: [rich])
        let seeded = S.refusal { try S.emulator().create(body) }
        #expect(seeded?.error == "ProductFormatException")
        #expect(seeded?.errorDetails?.contains("idents[0].merchantcard") == true)

        let emulator = S.emulator()
        let hugeLoad = BasketProduct(id: 1, desc: "Aufladung", priceOne: Int.max, tax: 0, ean: BasketProduct.topUpEAN)
        let id = try #require(try emulator.create(try S.body([hugeLoad], idents: [S.card])).id)
        let load = S.refusal { try emulator.start(id, method: "cash") }
        #expect(load?.error == "ProductFormatException")
        #expect(load?.errorDetails?.contains("above the limit") == true)
        #expect(try emulator.get(id).status == .created)
        let next = try emulator.create(try S.body([S.bread], idents: [S.card]))
        #expect(next.idents.first?.merchantcard?.cashBalance == 0)
    }
}
