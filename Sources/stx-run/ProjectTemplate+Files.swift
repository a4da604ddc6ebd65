extension ProjectTemplate {
    /// The example rules.
    static let checkoutScript = #"""
    -- checkout.lua: the checkout rules of this shop (Lua 5.4; stx runs it on every transaction).
    -- Money is integer cents. Tests: `swift test` (Tests/RulesTests) and `stx-run test specs/rules.spec.lua`.

    local BAKERY_GROUP = "Backwaren"
    local DAY_PERCENT, EVENING_PERCENT = 10, 30   -- bread and rolls: -10 %, from 18:00 -30 %
    local EVENING_FROM = 18
    local MIN_TOPUP = 500                          -- card loads from 5,00 EUR

    ---@param p stx.Product
    ---@param name string
    ---@return boolean
    local function in_group(p, name)
      for _, g in ipairs(p.group or {}) do
        if g.desc == name then return true end
      end
      return false
    end

    ---@param now string
    ---@return integer?
    local function hour_of(now)
      return tonumber(now:match("T(%d%d):"))
    end

    ---Bread and rolls are cheaper, in the evening even more.
    ---@param tx stx.Transaction
    function on_basket(tx)
      local lines = {}
      for _, p in ipairs(tx.basket.products) do
        if in_group(p, BAKERY_GROUP) then lines[#lines + 1] = p end
      end
      if #lines == 0 then
        explain("Backwaren", "no products of the group " .. BAKERY_GROUP)
        return
      end
      local hour = hour_of(tx.now)
      if hour and hour >= EVENING_FROM then
        tx.basket:discount{ label = "Feierabend: Backwaren -" .. EVENING_PERCENT .. " %", percent = EVENING_PERCENT, lines = lines }
      else
        tx.basket:discount{ label = "Backwaren -" .. DAY_PERCENT .. " %", percent = DAY_PERCENT, lines = lines }
      end
    end

    ---Card loads need a valid card and at least 5,00 EUR.
    ---@param tx stx.Transaction
    function on_topup(tx)
      local load = 0
      for _, p in ipairs(tx.basket.products) do
        if p:is_topup() then load = load + p:total() end
      end
      if load < MIN_TOPUP then
        tx:reject("Aufladung erst ab " .. money.format(MIN_TOPUP))
      end
      local ident = tx.idents[1]
      if ident == nil or not ident.valid then
        tx:reject("Aufladung nur mit gültiger Kundenkarte")
      end
    end

    ---A footer: thanks, and what the customer saved.
    ---@param tx stx.Transaction
    ---@param receipt stx.Receipt
    function on_receipt(tx, receipt)
      local saved = 0
      for _, p in ipairs(tx.basket.products) do
        if p.item_type == "coupon" then saved = saved - p:total() end
      end
      receipt:separator("Vielen Dank!")
      if saved > 0 then
        receipt:textline("Sie sparen heute " .. money.format(saved), "important", "align-center")
      end
    end

    """#

    /// The example XCTest rule tests.
    static let rulesTests = #"""
    import STXTesting
    import XCTest

    /// Rule tests for checkout.lua. Each one builds a transaction (or loads a fixture), runs a
    /// whole checkout on stx's built-in emulator, and checks the basket, the receipt or the
    /// rejection. A failure shows expected against actual, amounts in EUR, and which rule
    /// changed what.
    final class RulesTests: XCTestCase {
        /// checkout.lua at the project's root.
        func rules() throws -> CheckoutRules {
            try CheckoutRules.project("checkout.lua")
        }

        /// Bread and rolls at 7 %, coffee at 19 %.
        func breakfast() -> TransactionBuilder {
            TransactionBuilder()
                .product("Roggenbrot 750 g", priceOne: 425, tax: 7, group: "Backwaren")
                .product("Brötchen", priceOne: 45, quantity: 6, tax: 7, group: "Backwaren")
                .product("Kaffee to go", priceOne: 290, quantity: 2, tax: 19)
        }

        func testBakeryProductsGetTenPercentOff() async throws {
            let run = try await rules().run(breakfast(), now: try CheckoutTime.at("12:00"))
            assertBasket(run, [
                BasketLine("Roggenbrot 750 g", priceOne: 425, tax: 7),
                BasketLine("Brötchen", quantity: 6, priceOne: 45, tax: 7),
                BasketLine("Kaffee to go", quantity: 2, priceOne: 290, tax: 19),
                .coupon("Backwaren -10 %", priceOne: -70, tax: 7),    // 10 % of 6,95 EUR, rounded half up
            ])
            assertSum(run, 1205)
        }

        func testNoDiscountWithoutBakeryProducts() async throws {
            let run = try await rules().run(TransactionBuilder().product("Kaffee to go", priceOne: 290, tax: 19))
            assertCoupons(run, [])
            assertSum(run, 290)
        }

        func testEveningDiscountStartsAtSix() async throws {
            let six = try CheckoutTime.at("18:00")
            let evening = try await rules().run(breakfast(), now: six)
            assertCoupons(evening, [.coupon("Feierabend: Backwaren -30 %", priceOne: -209, tax: 7)])
            let justBefore = try await rules().run(breakfast(), now: try CheckoutTime.adding(minutes: -1, to: six))
            assertCoupons(justBefore, [.coupon("Backwaren -10 %", priceOne: -70, tax: 7)])
        }

        func testSmallCardLoadsAreRejected() async throws {
            let run = try await rules().run(TransactionBuilder().topUp(300).card(cashBalance: 1000))
            assertRejected(run, containing: "ab 5,00 EUR")
        }

        func testCardLoadsNeedACard() async throws {
            let run = try await rules().run(TransactionBuilder().topUp(2000))
            assertRejected(run, containing: "Kundenkarte")
        }

        func testCardLoadsAreNeverDiscounted() async throws {
            let run = try await rules().run(TransactionBuilder().topUp(2000).card(cashBalance: 1000))
            assertCompleted(run)
            assertCoupons(run, [])
            assertSum(run, 2000)
        }

        func testReceiptThanksAndShowsTheSavings() async throws {
            let run = try await rules().run(breakfast())
            assertReceipt(run, containsLines: ["Vielen Dank!", "Sie sparen heute 0,70 EUR"])
        }

        func testReceiptOfTheBakeryFixture() async throws {
            let transaction = try Fixtures.transaction("bakery.json")
            let run = try await rules().run(transaction, now: "2026-11-25T17:30:00+01:00")
            assertReceiptMatchesGolden(run, named: "bakery-receipt")
        }

        func testRecordedCheckoutReplaysExactly() async throws {
            // Written by `stx-run checkout.lua --transaction … --record FILE`, used as it is.
            let record = try Fixtures.record("bakery.record.json")
            await assertReplays(record, with: try rules())
        }

        func testLargeBasketsStayWithinTheLimits() async throws {
            let rolls = TransactionBuilder().products(count: 500, desc: "Brötchen", priceOne: 45, tax: 7, group: "Backwaren")
            let run = try await rules().limited(to: LuaLimits(maxInstructions: 2_000_000)).run(rolls)
            assertCompleted(run)
            assertCoupons(run, [.coupon("Backwaren -10 %", priceOne: -2250, tax: 7)])
        }
    }

    """#

    /// The example transaction fixture: the demo transaction (a bakery basket with a loyalty card).
    static let bakeryFixture = DemoTransaction.json

    /// The example Lua spec.
    static let ruleSpec = #"""
    -- Table-driven rule tests in Lua: `stx-run test specs/rules.spec.lua`.
    -- given: products (desc, priceOne, quantity, tax, group, ean, item_type; or topup = cents),
    --        card (number, cash_balance, bonus_balance, points, locked, valid), payment_method,
    --        now; or transaction = "a fixture or record file".
    -- expect: sum, coupons, basket, receipt (texts of printed lines, in order), payment_method,
    --         or one of rejected (true or a text), error (a text), limit (true or a kind).
    local breakfast = {
      { desc = "Roggenbrot 750 g", priceOne = 425, tax = 7, group = "Backwaren" },
      { desc = "Brötchen", priceOne = 45, quantity = 6, tax = 7, group = "Backwaren" },
      { desc = "Kaffee to go", priceOne = 290, quantity = 2, tax = 19 },
    }

    return {
      script = "../checkout.lua",
      now = "2026-11-25T12:00:00+01:00",
      cases = {
        {
          name = "bread and rolls get 10 % off, coffee does not",
          given = { products = breakfast },
          expect = { sum = 1205, coupons = { { desc = "Backwaren -10 %", priceOne = -70, tax = 7 } } },
        },
        {
          name = "from 18:00 bread and rolls get 30 % off",
          given = { products = breakfast, now = "2026-11-25T18:00:00+01:00" },
          expect = { sum = 1066, coupons = { { desc = "Feierabend: Backwaren -30 %", priceOne = -209, tax = 7 } } },
        },
        {
          name = "no discount without bakery products",
          given = { products = { { desc = "Kaffee to go", priceOne = 290, tax = 19 } } },
          expect = { sum = 290, coupons = {} },
        },
        {
          name = "card loads below 5,00 EUR are rejected",
          given = { products = { { topup = 300 } }, card = { cash_balance = 1000 } },
          expect = { rejected = "ab 5,00 EUR" },
        },
        {
          name = "the receipt thanks and shows the savings",
          given = { transaction = "../Tests/RulesTests/Fixtures/bakery.json" },
          expect = { receipt = { "Vielen Dank!", "Sie sparen heute 0,70 EUR" } },
        },
      },
    }

    """#
}
