import CheckoutScripting
import SmartTransactions
import Testing

@Suite("tx.basket:discount (design.md §3, §5)")
struct DiscountTests {
    @Test("a percentage on a mixed 7 %/19 % basket is split per VAT rate; the top-up is never in the base")
    func mixedBasketSplit() throws {
        let prepared = try prepare("""
            function on_basket(tx)
              local coupons = tx.basket:discount{ label = "10 % Rabatt", percent = 10 }
              log(#coupons, coupons[1].priceOne, coupons[1].tax, coupons[2].priceOne, coupons[2].tax)
            end
            """)
        // base = 700 (7 %) + 1000 (19 %) = 1700; 10 % = 170 → 70 at 7 %, 100 at 19 %
        #expect(prepared.log == ["2\t-70\t7\t-100\t19"])
        let coupons = prepared.coupons
        #expect(coupons.map(\.priceOne) == [-70, -100])
        #expect(coupons.map(\.tax) == [7, 19])
        #expect(coupons.allSatisfy { $0.desc == "10 % Rabatt" && $0.quantity == 1 })
        #expect(coupons.map(\.id) == [4, 5])
        #expect(prepared.sum == 3200 - 170)
    }

    @Test("the split uses the largest remainder; on a tie the rate seen first in the basket wins")
    func largestRemainderTie() throws {
        let json = bakeryJSON
            .replacingOccurrences(of: #""quantity": 2, "priceOne": 350"#, with: #""quantity": 1, "priceOne": 1000"#)
        // base: 1000 at 7 % (seen first), 1000 at 19 %; 1 cent cannot be split evenly
        let prepared = try prepare("function on_basket(tx) tx.basket:discount{ label = 'x', amount = 1 } end", json: json)
        #expect(prepared.coupons.map(\.priceOne) == [-1])
        #expect(prepared.coupons.map(\.tax) == [7])
        let three = try prepare("function on_basket(tx) tx.basket:discount{ label = 'x', amount = 3 } end", json: json)
        #expect(three.coupons.map(\.priceOne) == [-2, -1])
    }

    @Test("percentages round half up")
    func roundsHalfUp() throws {
        // 5 % of 1700 = 85; 3 % of 1700 = 51; 1 % of 1750 = 17.5 → 18
        let json = bakeryJSON.replacingOccurrences(of: #""priceOne": 350"#, with: #""priceOne": 375"#)
        let prepared = try prepare("function on_basket(tx) tx.basket:discount{ label = 'x', percent = 1 } end", json: json)
        #expect(prepared.coupons.map(\.priceOne).reduce(0, +) == -18)
    }

    @Test("lines may be a sequence of products or a predicate; coupons and top-ups are excluded")
    func targetedLines() throws {
        let bySequence = try prepare("""
            function on_basket(tx) tx.basket:discount{ label = "Kaffee", amount = 100, lines = { tx.basket.products[2], tx.basket.products[3] } } end
            """)
        #expect(bySequence.coupons.map(\.priceOne) == [-100])
        #expect(bySequence.coupons.map(\.tax) == [19])
        let byPredicate = try prepare("""
            function on_basket(tx)
              tx.basket:discount{ label = "first", amount = 50 }
              tx.basket:discount{ label = "7 %", percent = 50, lines = function(p) return p.tax == 7 end }
            end
            """)
        // the first coupon (7 % share) and the top-up are not part of the second base (700)
        #expect(byPredicate.coupons.last?.priceOne == -350)
    }

    @Test("a discount larger than its base is an error; so is a missing label or amount", arguments: [
        ("{ label = 'x', amount = 1701 }", "is larger than its base of 17,00 EUR"),
        ("{ label = 'x', percent = 101 }", "is larger than its base"),
        ("{ amount = 1 }", "discount needs a label"),
        ("{ label = 'x' }", "discount needs percent = N or amount = cents"),
        ("{ label = 'x', amount = 1, percent = 1 }", "percent or amount, not both"),
        ("{ label = 'x', amount = 1.5 }", "amount must be a whole number of cents"),
        ("{ label = 'x', amount = -1 }", "must not be negative"),
        ("{ label = 'x', amount = 1, lines = 5 }", "discount lines must be a sequence of products or a function"),
        ("{ label = 'x', percnt = 10 }", "unknown field percnt"),
    ])
    func discountErrors(spec: String, expected: String) {
        expectLineTwoError("tx.basket:discount\(spec)", contains: expected)
    }

    @Test("a discount on only top-up lines has a base of zero")
    func topupOnlyBase() {
        let message = failure("""
            function on_basket(tx) tx.basket:discount{ label = 'x', amount = 1, lines = { tx.basket.products[3] } } end
            """)?.scriptMessage ?? ""
        #expect(message.contains("larger than its base of 0,00 EUR"))
    }

    @Test("discounts are recorded in the audit trail with label, amount, hook and line")
    func audited() throws {
        let prepared = try prepare("function on_basket(tx)\n  tx.basket:discount{ label = 'Treue', percent = 10 }\nend")
        let entry = try #require(prepared.audit.first { $0.action == .discount })
        #expect(entry.hook == "on_basket")
        #expect(entry.line == "checkout.lua:2")
        #expect(entry.details["label"] == .string("Treue"))
        #expect(entry.details["amount"] == .int(170))
        #expect(entry.summary() == "discount \"Treue\": -1,70 EUR on a base of 17,00 EUR")
    }
}
