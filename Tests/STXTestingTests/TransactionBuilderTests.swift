import CheckoutScripting
import PropertyBased
import PropertyChecks
import SmartTransactions
import STXTestingCore
import Testing

@Suite("TransactionBuilder")
struct TransactionBuilderTests {
    @Test("lines get ids, groups get ids by name, the sum is computed")
    func basket() throws {
        let tx = try breakfast.card(cashBalance: 300, bonusBalance: 52, points: 7).build()
        let products = try #require(tx.basket?.products)
        #expect(products.map(\.id) == [1, 2, 3])
        #expect(products.map(\.desc) == ["Roggenbrot 750 g", "Brötchen", "Kaffee to go"])
        #expect(products[0].group.map(\.desc) == ["Backwaren"])
        #expect(products[0].group.map(\.id) == products[1].group.map(\.id))
        #expect(products[2].group.isEmpty)
        #expect(tx.basketInfo?.sum == 425 + 6 * 45 + 2 * 290)
        #expect(tx.basketInfo?.currency == "EUR")
        let card = try #require(tx.idents.first?.merchantcard)
        #expect(card.balance == 352)
        #expect(card.points == 7)
        #expect(tx.idents.first?.value == TransactionBuilder.defaultCardNumber)
    }

    @Test("a top-up is a load-card line and is paid onto the card")
    func topUp() async throws {
        let tx = try TransactionBuilder().topUp(1500).card(cashBalance: 100).build()
        #expect(tx.basket?.products.first?.isTopUp == true)
        let run = await CheckoutRules(CheckoutScript(source: "")).run(tx)
        #expect(run.exitCode == 0)
        #expect(run.result?.transaction.idents.first?.merchantcard?.cashBalance == 1600)
    }

    @Test("fields, payment method and merchant are set")
    func fields() throws {
        let tx = try TransactionBuilder(merchant: "Café Rot", currency: "CHF")
            .product("Tee", priceOne: 300)
            .paymentMethod("loyalty").merchantRef("K-7").setting("transactionRef", to: "Bon 12").build()
        #expect(tx.merchant?.companyname == "Café Rot")
        #expect(tx.basketInfo?.currency == "CHF")
        #expect(tx.paymentMethod?.rawValue == "loyalty")
        #expect(tx.merchantRef == "K-7")
        #expect(tx.transactionRef == "Bon 12")
    }

    @Test("amounts that overflow are an error, not a trap")
    func overflow() {
        #expect(throws: TestInputError.self) {
            try TransactionBuilder().product("Gold", priceOne: Int.max, quantity: 2).build()
        }
        #expect(throws: TestInputError.self) {
            try TransactionBuilder().product("A", priceOne: Int.max).product("B", priceOne: 1).build()
        }
    }

    @Test("the sum is always the total of the lines")
    func sumProperty() async {
        let line = zip(Gen.int(in: 0...100_000), Gen.int(in: 1...50))
        await propertyCheck(count: 300, input: line.array(of: 0...20)) { lines in
            failOnThrow {
                let builder = lines.reduce(TransactionBuilder()) { $0.product("X", priceOne: $1.0, quantity: $1.1) }
                let tx = try builder.build()
                #expect(tx.basketInfo?.sum == lines.reduce(0) { $0 + $1.0 * $1.1 })
                #expect(tx.basket?.products.count == lines.count)
            }
        }
    }
}
