@testable import CheckoutScripting
import PropertyBased
import PropertyChecks
import SmartTransactions
import Testing

/// The fast basket check may only say "valid" where the typed check finds nothing, and it must
/// say so for a plain valid basket (else it would not be the fast path).
@Suite("BasketPrecheck agrees with BasketValidator")
struct BasketPrecheckTests {
    /// Field values from the edges of each rule; `nil` leaves the key out.
    static let quantities: [JSONValue?] = [.int(1), .int(3), .int(0), .int(-2), .int(Int.max), .string("2"), .double(2.0), .null, nil]
    static let prices: [JSONValue?] = [.int(0), .int(150), .int(-50), .int(Int.max), .int(Int.min), .double(100.0), nil]
    static let taxes: [JSONValue?] = [.int(0), .int(7), .int(100), .int(101), .int(-1), .double(7.0), nil]
    static let descs: [JSONValue?] = [.string("Brot"), .string(""), .string("   "), .string(" x "), .null, nil]
    static let itemTypes: [JSONValue?] = [.string("article"), .string("coupon"), .string("shipping"), nil]

    static let product = zip(
        Gen.element(of: quantities), Gen.element(of: prices), Gen.element(of: taxes),
        Gen.element(of: descs), Gen.element(of: itemTypes)
    ).map { quantity, price, tax, desc, itemType -> JSONValue in
        var object = JSONObject()
        for (key, value) in [("quantity", quantity), ("priceOne", price), ("tax", tax), ("desc", desc), ("item_type", itemType)] {
            if let value { object[key] = value }
        }
        return .object(object)
    }

    /// A transaction with `products`; `sum` nil takes their total (when it fits), else the given sum.
    static func transaction(_ products: [JSONValue], sum: Int?, currency: String?) -> SmartTransaction? {
        let total = products.reduce(Optional(0)) { total, product in
            guard let total, let price = product["priceOne"]?.intValue, let quantity = product["quantity"]?.intValue else { return nil }
            let (line, lineOverflow) = price.multipliedReportingOverflow(by: quantity)
            let (next, sumOverflow) = total.addingReportingOverflow(line)
            return lineOverflow || sumOverflow ? nil : next
        }
        var info = JSONObject()
        if let value = sum ?? total { info["sum"] = .int(value) }
        if let currency { info["currency"] = .string(currency) }
        let json: JSONValue = .object(["basket": .object(["products": .array(products)]), "basket_info": .object(info)])
        return try? SmartTransaction(json: json)
    }

    @Test("plainly valid implies no violation and a total in range")
    func plainlyValidImpliesValid() async {
        await propertyCheck(
            count: 2000, input: Self.product.array(of: 0...4), Gen.int(in: -5...5).optional(), Gen.bool
        ) { products, sumOffset, checkSum in
            failOnThrow {
                guard let transaction = Self.transaction(products, sum: sumOffset.map { $0 * 100 }, currency: "EUR") else { return }
                guard BasketPrecheck.isPlainlyValid(transaction.json, checkSum: checkSum) else { return }
                #expect(BasketValidator.violations(of: transaction, original: nil, checkSum: checkSum).isEmpty)
                #expect((try? transaction.basket?.total()) != nil)
            }
        }
    }

    @Test("a plain valid basket takes the fast path")
    func plainValidBasketIsAccepted() async {
        let plain = zip(Gen.int(in: 1...50), Gen.int(in: 0...100_000), Gen.int(in: 0...100)).map { quantity, price, tax -> JSONValue in
            .object(["desc": "Brot", "quantity": .int(quantity), "priceOne": .int(price), "tax": .int(tax)])
        }
        await propertyCheck(count: 1000, input: plain.array(of: 0...20)) { products in
            failOnThrow {
                let transaction = try #require(Self.transaction(products, sum: nil, currency: "EUR"))
                #expect(BasketPrecheck.isPlainlyValid(transaction.json, checkSum: true))
            }
        }
    }

    @Test("the same currency only when the typed currencies are equal")
    func sameCurrency() {
        let currencies: [String?] = ["EUR", "USD", nil]
        for first in currencies {
            for second in currencies {
                guard let one = Self.transaction([], sum: 0, currency: first),
                      let two = Self.transaction([], sum: 0, currency: second) else { continue }
                let same = BasketPrecheck.haveSameCurrency(one.json, two.json)
                #expect(same == (one.basketInfo?.currency == two.basketInfo?.currency))
            }
        }
    }
}
