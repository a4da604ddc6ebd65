import SmartTransactions
import Testing

@Suite("Money in integer cents")
struct MoneyTests {
    @Test func overflowIsAnErrorNotATrap() {
        #expect(throws: MoneyError.self) { try Money.sum([Int.max, 1]) }
        #expect(throws: MoneyError.self) { try Money.sum([Int.min, -1]) }
        #expect(throws: MoneyError.self) { try Money.multiply(Int.max / 2 + 1, by: 2) }
        #expect(throws: MoneyError.self) { try Money.percent(Int.max, 2) }
        #expect(throws: MoneyError.self) { try Money.allocate(Int.min, weights: [1]) }
        #expect((try? Money.sum([Int.max, 1]))?.description == nil)
        do {
            _ = try Money.multiply(Int.max, by: 3)
        } catch {
            #expect(error.kind == .overflow)
            #expect(error.message.contains("overflow"))
        }
    }

    @Test("percent rounds half up, halves away from zero", arguments: [
        (1500, 10, 150), (5, 10, 1), (4, 10, 0), (15, 10, 2), (14, 10, 1), (25, 2, 1), (24, 2, 0),
        (-5, 10, -1), (-4, 10, 0), (-15, 10, -2), (1999, 7, 140), (0, 50, 0), (100, 0, 0), (123, 100, 123),
    ])
    func percent(cents: Int, percent: Int, expected: Int) throws {
        #expect(try Money.percent(cents, percent) == expected)
    }

    @Test("allocate uses the largest remainder, ties to the earlier weight", arguments: [
        (100, [1, 1, 1], [34, 33, 33]),
        (1, [1, 1], [1, 0]),
        (2, [1, 1, 1], [1, 1, 0]),
        (10, [0, 1], [0, 10]),
        (216, [1520, 640], [152, 64]),
        (101, [3, 7], [30, 71]),
        (-100, [1, 1, 1], [-34, -33, -33]),
        (0, [5, 5], [0, 0]),
        (Int.max, [1, 1], [Int.max / 2 + 1, Int.max / 2]),
    ])
    func allocate(cents: Int, weights: [Int], expected: [Int]) throws {
        #expect(try Money.allocate(cents, weights: weights) == expected)
    }

    @Test func allocateRefusesBadWeights() {
        #expect(throws: MoneyError.self) { try Money.allocate(100, weights: []) }
        #expect(throws: MoneyError.self) { try Money.allocate(100, weights: [0, 0]) }
        #expect(throws: MoneyError.self) { try Money.allocate(100, weights: [2, -1]) }
        #expect(throws: MoneyError.self) { try Money.allocate(100, weights: [Int.max, 1]) }
        #expect((try? Money.allocate(100, weights: [2, -1])) == nil)
    }

    @Test("format matches the receipts", arguments: [
        (1500, "15,00 EUR"), (123_456, "1.234,56 EUR"), (-500, "-5,00 EUR"), (5, "0,05 EUR"), (0, "0,00 EUR"),
        (-1, "-0,01 EUR"), (100_000_000, "1.000.000,00 EUR"), (99_999, "999,99 EUR"),
        (Int.min, "-92.233.720.368.547.758,08 EUR"),
    ])
    func format(cents: Int, expected: String) {
        #expect(Money.format(cents) == expected)
    }

    @Test func formatKeepsTheCurrency() {
        #expect(Money.format(1050, currency: "CHF") == "10,50 CHF")
        #expect(Money.format(123_456, symbol: false) == "1.234,56")
    }
}
