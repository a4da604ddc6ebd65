import CheckoutScripting
import Lua
import STXTestingCore
import Testing

/// The failure messages a merchant reads: a diff of the basket, amounts in EUR, and the audit
/// trail naming the rule and the script line that changed what.
@Suite("RuleCheck")
struct RuleCheckTests {
    @Test("a matching run passes every check")
    func passing() async throws {
        let run = try await bakeryRules.run(breakfast)
        #expect(RuleCheck.basket(run, equals: breakfastLines) == nil)
        #expect(RuleCheck.sum(run, equals: 1205) == nil)
        #expect(RuleCheck.coupons(run, equal: [.coupon("Backwaren -10 %", priceOne: -70, tax: 7)]) == nil)
        #expect(RuleCheck.paymentMethod(run, is: "cash") == nil)
        #expect(RuleCheck.completed(run) == nil)
        #expect(RuleCheck.receipt(run, containsLines: ["Vielen Dank!", "Bis bald"]) == nil)
    }

    @Test("a wrong discount reads as a basket diff in EUR with the rule that changed it")
    func basketDiff() async throws {
        let run = try await bakeryRules.run(breakfast)
        var expected = breakfastLines
        expected[3].priceOne = -60
        let message = try #require(RuleCheck.basket(run, equals: expected))
        #expect(message.contains("The basket differs from the expected one (- expected, + actual, amounts in EUR)"))
        #expect(message.contains("-  Backwaren -10 % (coupon)    1  -0,60  -0,60   7 %"))
        #expect(message.contains("+  Backwaren -10 % (coupon)    1  -0,70  -0,70   7 %"))
        #expect(message.contains("   Kaffee to go                2   2,90   5,80  19 %"))
        #expect(message.contains("Sum: expected 12,15 EUR, actual 12,05 EUR (-0,10 EUR)"))
        #expect(message.contains("What the rules changed (audit trail):\n  on_basket   checkout.lua:6   discount \"Backwaren -10 %\": -0,70 EUR on a base of 6,95 EUR"))
    }

    @Test("a missing line and an extra line are marked on their own")
    func missingAndExtra() async throws {
        let run = try await bakeryRules.run(breakfast)
        let message = try #require(RuleCheck.basket(run, equals: Array(breakfastLines.prefix(3))))
        #expect(message.contains("+  Backwaren -10 % (coupon)"))
        #expect(!message.contains("-  Roggenbrot"))
        #expect(message.contains("Sum: expected 12,75 EUR, actual 12,05 EUR (-0,70 EUR)"))
    }

    @Test("a wrong sum shows both amounts, the difference and the basket")
    func sum() async throws {
        let run = try await bakeryRules.run(breakfast)
        let message = try #require(RuleCheck.sum(run, equals: 1275))
        #expect(message.hasPrefix("Sum: expected 12,75 EUR, actual 12,05 EUR (-0,70 EUR)"))
        #expect(message.contains("Backwaren -10 % (coupon)"))
        #expect(message.contains("What the rules changed (audit trail):"))
    }

    @Test("expecting no discount names the discount that was given")
    func unexpectedDiscount() async throws {
        let run = try await bakeryRules.run(breakfast)
        let message = try #require(RuleCheck.coupons(run, equal: []))
        #expect(message.hasPrefix("No discount was expected, but the rules gave one"))
        #expect(message.contains("+  Backwaren -10 % (coupon)"))
    }

    @Test("a rejected checkout explains itself wherever a completed one was expected")
    func rejected() async throws {
        let run = try await bakeryRules.run(TransactionBuilder().topUp(300).card())
        #expect(run.rejection == "Aufladung erst ab 5,00 EUR")
        #expect(run.exitCode == 5)
        #expect(RuleCheck.rejected(run) == nil)
        #expect(RuleCheck.rejected(run, containing: "ab 5,00 EUR") == nil)
        let wrongText = try #require(RuleCheck.rejected(run, containing: "Kundenkarte"))
        #expect(wrongText.contains("rejected with \"Aufladung erst ab 5,00 EUR\""))
        let basket = try #require(RuleCheck.sum(run, equals: 300))
        #expect(basket.hasPrefix("The checkout did not complete: The script rejected the checkout: Aufladung erst ab 5,00 EUR"))
        #expect(basket.contains("on_topup   checkout.lua:10  rejected: Aufladung erst ab 5,00 EUR"))
    }

    @Test("expecting a rejection of a paid checkout says what the customer paid")
    func notRejected() async throws {
        let run = try await bakeryRules.run(breakfast)
        let message = try #require(RuleCheck.rejected(run))
        #expect(message.hasPrefix("Expected the rules to reject the checkout, but it went through, and the customer paid 12,05 EUR"))
    }

    @Test("limits: which one was exceeded, or that none was")
    func limits() async throws {
        let rolls = TransactionBuilder().products(count: 300, desc: "Brötchen", priceOne: 45, tax: 7, group: "Backwaren")
        let tight = try await bakeryRules.limited(to: LuaLimits(maxInstructions: 2_000)).run(rolls)
        #expect(tight.exitCode == 4)
        #expect(RuleCheck.limitExceeded(tight) == nil)
        #expect(RuleCheck.limitExceeded(tight, .instructions) == nil)
        #expect(RuleCheck.limitExceeded(tight, .memory)?.contains("it exceeded the instructions limit") == true)
        let roomy = try await bakeryRules.run(rolls)
        #expect(RuleCheck.completed(roomy) == nil)
        #expect(RuleCheck.limitExceeded(roomy) == "Expected the checkout to exceed a limit, but it completed within the limits")
    }

    @Test("script errors are matched by their message, file and line")
    func scriptError() async throws {
        let rules = CheckoutRules(CheckoutScript(source: "function on_basket(tx)\n  tx.basket.products[1].priceOne = 1.5\nend"))
        let run = try await rules.run(breakfast)
        #expect(run.exitCode == 3)
        #expect(RuleCheck.scriptError(run, containing: "checkout.lua:2") == nil)
        #expect(RuleCheck.scriptError(run, containing: "line 99") != nil)
        let message = try #require(RuleCheck.completed(run))
        #expect(message.contains("priceOne"))
    }

    @Test("a missing receipt text prints the receipt with line numbers")
    func receipt() async throws {
        let run = try await bakeryRules.run(breakfast)
        #expect(RuleCheck.receipt(run, containsLines: ["Bis bald", "Vielen Dank!"]) != nil)
        let message = try #require(RuleCheck.receipt(run, containsLines: ["Auf Wiedersehen"]))
        #expect(message.hasPrefix("The receipt has no line containing \"Auf Wiedersehen\". The receipt, as printed:"))
        #expect(message.contains(" | ") && message.contains(" Vielen Dank! "))
        #expect(message.contains("on_receipt  checkout.lua:14  receipt separator: Vielen Dank!"))
    }

    @Test("a failing on_receipt is reported although the payment went through")
    func receiptFailure() async throws {
        let rules = CheckoutRules(CheckoutScript(source: "function on_receipt(tx, r) error('printer on fire') end"))
        let run = try await rules.run(breakfast)
        #expect(run.result != nil)
        #expect(run.exitCode == 3)
        let message = try #require(RuleCheck.completed(run))
        #expect(message.hasPrefix("The payment went through, but on_receipt failed"))
        #expect(message.contains("printer on fire"))
    }
}
