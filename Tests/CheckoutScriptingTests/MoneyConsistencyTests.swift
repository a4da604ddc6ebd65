@testable import CheckoutScripting
import Lua
import PropertyBased
import PropertyChecks
import SmartTransactions
import Testing

/// The Lua `money` helpers and the discount split must agree with `SmartTransactions.Money`
/// to the cent, so a receipt computed in Swift matches what the script saw.
@Suite("money in Lua agrees with Money in Swift")
struct MoneyConsistencyTests {
    private func model() throws -> LuaSandbox {
        let sandbox = try LuaSandbox(hostCode: CheckoutModel.hostCode)
        sandbox.reset(randomSeed: 1)
        return sandbox
    }

    @Test("money.allocate sums exactly and equals Money.allocate")
    func allocate() async throws {
        let sandbox = try model()
        await propertyCheck(
            count: 1000, input: Gen.int(in: -1_000_000...1_000_000), Gen.int(in: 0...100_000).array(of: 1...8)
        ) { cents, weights in
            failOnThrow {
                guard weights.reduce(0, +) > 0 else { return }
                let lua = try sandbox.callHost("allocate", [.integer(cents), .table(LuaTable(sequence: weights.map(LuaValue.integer), fields: [:]))])
                let shares = lua.first?.items.compactMap(\.integerValue) ?? []
                #expect(shares == (try Money.allocate(cents, weights: weights)))
                #expect(shares.reduce(0, +) == cents)
            }
        }
    }

    @Test("money.percent rounds half up like Money.percent")
    func percent() async throws {
        let sandbox = try model()
        await propertyCheck(count: 1000, input: Gen.int(in: -10_000_000...10_000_000), Gen.int(in: 0...100)) { cents, pct in
            failOnThrow {
                let lua = try sandbox.callHost("percent", [.integer(cents), .integer(pct)])
                #expect(lua.first == .integer(try Money.percent(cents, pct)))
            }
        }
    }

    @Test("money.format matches Money.format")
    func format() async throws {
        let sandbox = try model()
        await propertyCheck(count: 1000, input: Gen.int(in: Int.min...Int.max)) { cents in
            failOnThrow {
                let lua = try sandbox.callHost("format_money", [.integer(cents), .string("EUR")])
                #expect(lua.first?.textValue == Money.format(cents, currency: "EUR"))
            }
        }
    }

    @Test("overflow in Lua money is an error, never a wrap-around", arguments: [
        "money.percent(math.maxinteger, 100)",
        "money.allocate(math.maxinteger, {3, 5})",
        "tx.basket:add{ desc = 'x', priceOne = math.maxinteger, quantity = 2, tax = 7 }:total()",
    ])
    func overflowIsAnError(expression: String) {
        expectLineTwoError("local _ = \(expression)", contains: "overflows a 64-bit integer of cents")
    }
}
