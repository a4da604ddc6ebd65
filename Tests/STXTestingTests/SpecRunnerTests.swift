import Foundation
import STXTestingCore
import Testing

/// `stx-run test`: table-driven rule tests in Lua.
@Suite("Lua rule specs")
struct SpecRunnerTests {
    static let spec = """
    local breakfast = {
      { desc = "Roggenbrot 750 g", priceOne = 425, tax = 7, group = "Backwaren" },
      { desc = "Brötchen", priceOne = 45, quantity = 6, tax = 7, group = "Backwaren" },
      { desc = "Kaffee to go", priceOne = 290, quantity = 2, tax = 19 },
    }
    return {
      cases = {
        { name = "10 % off bakery", given = { products = breakfast },
          expect = { sum = 1205, coupons = { { desc = "Backwaren -10 %", priceOne = -70, tax = 7 } },
                     receipt = { "Vielen Dank!", "Bis bald" }, payment_method = "cash" } },
        { name = "wrong expectation", given = { products = breakfast }, expect = { sum = 1275 } },
        { name = "small top-up", given = { products = { { topup = 300 } }, card = { cash_balance = 10 } },
          expect = { rejected = "ab 5,00 EUR" } },
        { name = "tiny budget", given = { products = breakfast }, limits = { max_instructions = 100 },
          expect = { limit = "instructions" } },
        { name = "whole basket", given = { products = breakfast, now = "2026-11-25T18:00:00+01:00" },
          expect = { basket = {
            { desc = "Roggenbrot 750 g", priceOne = 425, tax = 7 },
            { desc = "Brötchen", quantity = 6, priceOne = 45, tax = 7 },
            { desc = "Kaffee to go", quantity = 2, priceOne = 290, tax = 19 },
            { desc = "Backwaren -10 %", priceOne = -70, tax = 7, item_type = "coupon" } } } },
      },
    }
    """

    /// Runs `spec` (written next to a `checkout.lua` with `bakeryScript`); returns the report lines.
    func run(_ spec: String, script: String = bakeryScript) async throws -> ([String], SpecRunner.Summary) {
        let folder = try temporaryFolder()
        try write(script, "checkout.lua", in: folder)
        let path = try write(spec, "rules.spec.lua", in: folder)
        var lines: [String] = []
        let summary = await SpecRunner().run([path]) { lines.append($0) }
        return (lines, summary)
    }

    @Test("each case passes or fails, the failure says why, and the last line counts them")
    func report() async throws {
        let (lines, summary) = try await run(Self.spec)
        #expect(summary == SpecRunner.Summary(passed: 4, failed: 1))
        #expect(lines.last == "4 passed, 1 failed")
        #expect(lines.contains("  ok    10 % off bakery"))
        #expect(lines.contains("  ok    small top-up"))
        #expect(lines.contains("  ok    tiny budget"))
        #expect(lines.contains("  FAIL  wrong expectation"))
        let failure = lines.joined(separator: "\n")
        #expect(failure.contains("        Sum: expected 12,75 EUR, actual 12,05 EUR (-0,70 EUR)"))
        #expect(failure.contains("discount \"Backwaren -10 %\": -0,70 EUR on a base of 6,95 EUR"))
    }

    @Test("a transaction fixture or a replay record can be the given transaction")
    func fixture() async throws {
        let fixture = try fixturePath("bakery.json")
        let spec = """
        return { cases = { { name = "fixture", given = { transaction = "\(fixture)" },
                             expect = { coupons = { { desc = "Backwaren -10 %", priceOne = -70, tax = 7 } } } } } }
        """
        let (lines, summary) = try await run(spec)
        #expect(summary.failed == 0, "\(lines)")
        #expect(summary.passed == 1)
    }

    @Test("mistakes in a spec are named with their path and count as a failure", arguments: [
        ("return { cases = { { given = { products = {} }, expect = { summ = 1 } } } }", "cases[1].expect has an unknown key \"summ\""),
        ("return { cases = { { given = { products = { { desc = \"A\", priceOne = 1.5 } } } } } }",
         "cases[1].given.products[1].priceOne must be a whole number"),
        ("return { cases = { { expect = { sum = 1 } } } }", "cases[1] needs given"),
        ("return { cases = {} }", "has no cases"),
        ("return 42", "must be a table"),
        ("return { cases = { { given = { products = {} }, expect = { rejected = true, error = \"x\" } } } }",
         "expects rejected and error"),
        ("return { cases = { { given = { transaction = \"none.json\", products = {} } } } }", "has both transaction and products"),
        ("return { cases = { { given = { products = {} }, expect = { limit = \"cpu\" } } } }", "limit must be true"),
        ("os.exit(1)", "failed to load"),
        ("return {", "failed to load"),
    ])
    func mistakes(spec: String, reason: String) async throws {
        let (lines, summary) = try await run(spec)
        #expect(summary == SpecRunner.Summary(passed: 0, failed: 1))
        #expect(lines.joined(separator: "\n").contains(reason), "\(lines)")
        #expect(lines.last == "0 passed, 1 failed")
    }

    @Test("an unreadable script fails the spec, with the path")
    func missingScript() async throws {
        let folder = try temporaryFolder()
        let path = try write("return { script = \"nope.lua\", cases = { { given = { products = {} } } } }", "s.lua", in: folder)
        var lines: [String] = []
        let summary = await SpecRunner().run([path]) { lines.append($0) }
        #expect(summary.failed == 1)
        #expect(lines.joined().contains("nope.lua"))
    }
}
