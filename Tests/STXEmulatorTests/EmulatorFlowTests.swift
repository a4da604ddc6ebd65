import Foundation
import SmartTransactions
import STXEmulator
import Testing

@Suite("Emulator flows")
struct EmulatorFlowTests {
    typealias S = EmulatorSupport

    @Test func theFixtureRecreatedAndStartedWithCashPrintsTheSameReceipt() throws {
        let fixture = try S.fixture()
        var body = SmartTransaction()
        body.basket = fixture.basket
        body.basketInfo = fixture.basketInfo
        body.idents = [Ident(type: "card", value: try #require(fixture.idents.first?.value))]
        let emulator = S.emulator()
        let created = try emulator.create(body.json)
        let paid = try emulator.start(try #require(created.id), method: "cash")

        #expect(paid.status == .ok)
        #expect(paid.paymentMethod == .cash)
        let expected = try #require(fixture.receipt)
        let receipt = try #require(paid.receipt)
        #expect(receipt.count == expected.count)
        for (line, fixtureLine) in zip(receipt, expected) {
            switch (line, fixtureLine) {
            case (.nameValue(let name, let value, _), .nameValue(let expectedName, _, _)) where expectedName.hasPrefix("TA Code"):
                #expect(name == expectedName)
                #expect(Int(value) != nil)
            default:
                #expect(line == fixtureLine)
            }
        }
        #expect(paid.transID.map(String.init) == receipt.compactMap { line -> String? in
            if case .nameValue("TA Code: ", let value, _) = line { return value }
            return nil
        }.first)
        #expect(paid.receiptNumber != nil)
        #expect(paid.transactions?.map(\.object) == ["loyalty.transactions"])
        #expect(paid.transactions?.first?.id?.hasPrefix("LTX_") == true)
        let card = try #require(paid.idents.first?.merchantcard)
        #expect(card.cashBalance == 1500 && card.balance == 1500)
        #expect(card.cardNumber == "9276004429942845")
        #expect(paid.idents.first?.valid == true && paid.idents.first?.id == "smi_1")
    }

    @Test func createAssignsWhatTheAPIAssigns() throws {
        let emulator = S.emulator()
        let created = try emulator.create(try S.body([S.bread]))
        #expect(created.object == "smart.transactions")
        #expect(created.status == .created)
        #expect(created.created == S.now)
        let id = try #require(created.id)
        #expect(id.hasPrefix("STX_") && id.count == 34)
        #expect(created.merchant?.id?.hasPrefix("MRC_") == true)
        #expect(created.basket?.type == "default")
        #expect(created.json["basket"]?["texts"] == [])
        #expect(try emulator.get(id) == created)
    }

    @Test func postingAFullResponseIgnoresTheKeysTheAPIAssigns() throws {
        let fixture = try S.fixture()
        let created = try S.emulator().create(fixture.json)
        #expect(created.status == .created)
        #expect(created.id != fixture.id)
        #expect(created.receipt == nil)
        #expect(created.transID == nil)
        #expect(created.merchant?.companyname == "John's Bakery")
        #expect(created.json["application_context"] == fixture.json["application_context"])
    }

    @Test func aBasketWithoutIdentsGetsAPlainReceipt() throws {
        let emulator = S.emulator()
        let created = try emulator.create(try S.body([S.bread]))
        let paid = try emulator.start(try #require(created.id), method: "cashless")
        #expect(paid.status == .ok)
        let receipt = try #require(paid.receipt)
        #expect(receipt.first == .separator(caption: "Kartenzahlung"))
        #expect(receipt.last == .textline(text: Money.format(700), decorations: [.important]))
        #expect(paid.transactions?.map(\.object) == ["payment.transactions"])
    }

    @Test func preTransactionThenUpdateGoesBackToCreated() throws {
        let emulator = S.emulator()
        var ident = S.card
        ident.merchantcard = try MerchantCard(json: ["cash_balance": 300, "bonus_balance": 100, "balance": 400])
        let created = try emulator.create(try S.body([S.bread], idents: [ident]))
        let id = try #require(created.id)
        #expect(created.idents.first?.merchantcard?.balance == 400)
        let pre = try emulator.preTransaction(id)
        #expect(pre == ["missing_sum": 300, "bonus_products": []])
        #expect(try emulator.get(id).status == .processing)
        let updated = try emulator.update(id, try S.body([S.bread, BasketProduct(id: 3, desc: "Butter", priceOne: 199, tax: 7)], idents: [S.card]))
        #expect(updated.status == .created)
        #expect(updated.id == id)
        #expect(updated.created == created.created)
        #expect(updated.updated == S.now)
        #expect(updated.basketInfo?.sum == 899)
    }

    @Test func loyaltyPaysFromTheCardBonusFirstAndCancelUndoesIt() throws {
        let emulator = S.emulator()
        var ident = S.card
        ident.merchantcard = try MerchantCard(json: ["cash_balance": 1000, "bonus_balance": 200])
        let paid = try emulator.start(try #require(emulator.create(try S.body([S.bread], idents: [ident])).id), method: "loyalty")
        #expect(paid.status == .ok)
        let card = try #require(paid.idents.first?.merchantcard)
        #expect(card.bonusBalance == 0 && card.cashBalance == 500 && card.balance == 500)
        #expect(paid.receipt?.contains(.textline(text: "5,00 EUR", decorations: [.important])) == true)

        let cancelled = try emulator.cancel(try #require(paid.id))
        #expect(cancelled.status == .cancelled)
        let next = try emulator.create(try S.body([S.bread], idents: [S.card]))
        #expect(next.idents.first?.merchantcard?.cashBalance == 1000)
        #expect(next.idents.first?.merchantcard?.bonusBalance == 200)
    }

    @Test func loyaltyWithoutEnoughBalanceFails() throws {
        let emulator = S.emulator()
        let created = try emulator.create(try S.body([S.bread], idents: [S.card]))
        let failed = try emulator.start(try #require(created.id), method: "loyalty")
        #expect(failed.status == .failed)
        #expect(failed.receipt == [])
        #expect(failed.transID == nil)
        #expect(try emulator.cancel(try #require(created.id)).status == .cancelled)
    }

    @Test func topUpsLoadTheCardAcrossTransactions() throws {
        let emulator = S.emulator()
        for expected in [1500, 3000] {
            let created = try emulator.create(try S.body([S.topUp], idents: [S.card]))
            let paid = try emulator.start(try #require(created.id), method: "cash")
            #expect(paid.idents.first?.merchantcard?.cashBalance == expected)
            #expect(paid.receipt?.last == .textline(text: Money.format(expected), decorations: [.important]))
        }
    }

    @Test func theSameCardTwiceIsBookedOnce() throws {
        let emulator = S.emulator()
        var ident = S.card
        ident.merchantcard = try MerchantCard(json: ["cash_balance": 1000])
        let paid = try emulator.start(try #require(emulator.create(try S.body([S.bread], idents: [ident, S.card])).id), method: "loyalty")
        #expect(paid.idents.map { $0.merchantcard?.cashBalance } == [300, 300])
        #expect(paid.receipt?.filter { $0 == .separator(caption: "Kundenkarte") }.count == 1)
        _ = try emulator.cancel(try #require(paid.id))
        #expect(try emulator.create(try S.body([S.bread], idents: [S.card])).idents.first?.merchantcard?.cashBalance == 1000)
    }

    @Test func cancelTrxFindsTheTransactionByReceiptNumber() throws {
        let emulator = S.emulator()
        let paid = try emulator.start(try #require(emulator.create(try S.body([S.topUp], idents: [S.card])).id), method: "cash")
        let cancelled = try emulator.cancelTrx(receiptNumber: try #require(paid.receiptNumber))
        #expect(cancelled.id == paid.id)
        #expect(cancelled.status == .cancelled)
        let next = try emulator.create(try S.body([S.bread], idents: [S.card]))
        #expect(next.idents.first?.merchantcard?.cashBalance == 0)
    }

    @Test func theSameSeedAndCallsGiveTheSameOutput() throws {
        func run(seed: UInt64) throws -> [JSONValue] {
            let emulator = S.emulator(seed: seed)
            let created = try emulator.create(try S.body([S.bread, S.topUp], idents: [S.card]))
            let id = try #require(created.id)
            let error = S.refusal { try emulator.get("STX_missing") }
            return [created.json, try emulator.start(id, method: "cash").json, try emulator.cancel(id).json, error?.json ?? .null]
        }
        #expect(try run(seed: 7) == run(seed: 7))
        #expect(try run(seed: 7) != run(seed: 8))
    }

    @Test func concurrentCallsAreSafe() async throws {
        let emulator = S.emulator()
        let body = try S.body([S.bread])
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<200 {
                group.addTask {
                    let created = try emulator.create(body)
                    let id = created.id ?? ""
                    _ = try emulator.start(id, method: "cash")
                    return id
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(ids).count == 200)
        for id in ids { #expect(try emulator.get(id).status == .ok) }
    }
}
