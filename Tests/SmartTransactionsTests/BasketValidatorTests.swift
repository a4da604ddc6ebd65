import SmartTransactions
import Testing

@Suite("Basket invariants")
struct BasketValidatorTests {
    private func transaction(_ products: [BasketProduct], sum: Int? = nil, currency: String = "EUR") throws -> SmartTransaction {
        var tx = SmartTransaction()
        tx.basket = Basket(products: products)
        tx.basketInfo = BasketInfo(sum: try sum ?? Basket(products: products).total(), currency: currency)
        return tx
    }

    @Test("the fixtures are valid", arguments: Fixture.transactions)
    func fixturesAreValid(name: String) throws {
        let tx = try Fixture.transaction(name)
        #expect(BasketValidator.violations(of: tx, original: tx) == [])
    }

    @Test func eachProductRuleNamesTheProductAndTheField() throws {
        var article = BasketProduct(id: 7, desc: "Brot", priceOne: 300, tax: 7)
        article.quantity = 0
        var negative = BasketProduct(id: 8, desc: "Rabatt", priceOne: -100, tax: 7)
        negative.itemType = .article
        let badTax = BasketProduct(id: nil, desc: "Kaffee", priceOne: 300, tax: 120)
        let noText = BasketProduct(id: 10, desc: "  ", priceOne: 100, tax: 19)
        let coupon = BasketProduct(id: 11, desc: "Coupon", priceOne: -50, tax: 19, itemType: .coupon)
        let tx = try transaction([article, negative, badTax, noText, coupon], sum: 0)
        let found = BasketValidator.violations(of: tx, original: nil, checkSum: false)
        #expect(found.map(\.field) == ["quantity", "priceOne", "tax", "desc"])
        #expect(found.map(\.productIndex) == [0, 1, 2, 3])
        #expect(found.map(\.productID) == [7, 8, nil, 10])
        #expect(found[1].description.hasPrefix("basket.products[1] (id 8) priceOne is -100 but item_type is article"))
    }

    @Test func theSumMustMatchTheProductsAndNotBeNegative() throws {
        let products = [BasketProduct(id: 1, desc: "Brot", quantity: 2, priceOne: 300, tax: 7)]
        let mismatch = BasketValidator.violations(of: try transaction(products, sum: 500), original: nil)
        #expect(mismatch.map(\.field) == ["basket_info.sum"])
        #expect(mismatch.first?.message.contains("add up to 600") == true)
        #expect(BasketValidator.violations(of: try transaction(products, sum: 500), original: nil, checkSum: false) == [])
        let coupon = BasketProduct(id: 2, desc: "Coupon", priceOne: -700, tax: 7, itemType: .coupon)
        let negative = BasketValidator.violations(of: try transaction(products + [coupon]), original: nil)
        #expect(negative.map(\.field) == ["basket_info.sum"])
        #expect(negative.first?.message.contains("must not be negative") == true)
    }

    @Test func theCurrencyMustNotChange() throws {
        let products = [BasketProduct(id: 1, desc: "Brot", priceOne: 300, tax: 7)]
        let original = try transaction(products)
        let found = BasketValidator.violations(of: try transaction(products, currency: "USD"), original: original)
        #expect(found.map(\.field) == ["basket_info.currency"])
        #expect(found.first?.message.contains("from EUR to USD") == true)
    }

    @Test func anOverflowingLineIsAViolationNotATrap() throws {
        let huge = BasketProduct(id: 1, desc: "Gold", quantity: 4, priceOne: Int.max / 2, tax: 7)
        let found = BasketValidator.violations(of: try transaction([huge], sum: 0), original: nil)
        #expect(found.map(\.field) == ["priceOne", "basket_info.sum"])
    }
}
