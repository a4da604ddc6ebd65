import SmartTransactions
import Testing

@Suite("Totals per VAT rate")
struct VATBreakdownTests {
    @Test func theCouponsFixtureSplitsPerRate() throws {
        let products = try #require(try Fixture.transaction("coupons").basket?.products)
        let totals = try VATBreakdown.of(products)
        // 7 %: 6 × 45 + 1250 − 152 = 1368 gross; 136800 / 107 = 1278.50… → 1279 net.
        // 19 %: 2 × 320 − 64 = 576 gross; 57600 / 119 = 484.03… → 484 net.
        #expect(totals == [
            try VATRateTotal(rate: 7, gross: 1368),
            try VATRateTotal(rate: 19, gross: 576),
        ])
        #expect(totals.map(\.net) == [1279, 484])
        #expect(totals.map(\.tax) == [89, 92])
    }

    @Test("net rounds half up", arguments: [
        (100, 1, 1, 0), (100, -1, -1, 0), (100, 3, 2, 1), (0, 999, 999, 0), (19, 119, 100, 19), (7, 107, 100, 7), (19, 0, 0, 0),
    ])
    func net(rate: Int, gross: Int, net: Int, tax: Int) throws {
        let total = try VATRateTotal(rate: rate, gross: gross)
        #expect(total.net == net)
        #expect(total.tax == tax)
    }

    @Test func ratesAreSortedAndLinesOfOneRateAddUp() throws {
        let products = [
            BasketProduct(id: 1, desc: "A", quantity: 2, priceOne: 500, tax: 19),
            BasketProduct(id: 2, desc: "B", priceOne: 300, tax: 7),
            BasketProduct(id: 3, desc: "C", priceOne: 200, tax: 19),
            BasketProduct(id: 4, desc: "Aufladung", priceOne: 1500, tax: 0, ean: BasketProduct.topUpEAN),
        ]
        let totals = try VATBreakdown.of(products)
        #expect(totals.map(\.rate) == [0, 7, 19])
        #expect(totals.map(\.gross) == [1500, 300, 1200])
    }

    @Test func invalidRatesAndOverflowAreErrors() {
        #expect(throws: MoneyError.self) { try VATRateTotal(rate: 101, gross: 100) }
        #expect(throws: MoneyError.self) { try VATRateTotal(rate: -1, gross: 100) }
        #expect(throws: MoneyError.self) { try VATRateTotal(rate: 7, gross: Int.max) }
        #expect(throws: MoneyError.self) {
            try VATBreakdown.of([BasketProduct(id: 1, desc: "X", quantity: 3, priceOne: Int.max / 2, tax: 7)])
        }
    }
}
