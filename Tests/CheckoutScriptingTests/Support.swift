import CheckoutScripting
import Lua
import SmartTransactions
import STXEmulator
import Testing

/// A mixed bakery basket: bread and rolls at 7 %, coffee at 19 %, a card load, one loyalty card.
let bakeryJSON = #"""
{
  "object": "smart.transactions",
  "id": "STX_TEST1",
  "status": "created",
  "merchant": { "object": "general.merchants", "id": "MRC_1", "companyname": "John's Bakery" },
  "intent": "sale",
  "is_demo": true,
  "payment_method": "cash",
  "merchantRef": null,
  "custom_key": { "kept": [1, null, "x"] },
  "basket": {
    "type": "default",
    "texts": [],
    "products": [
      { "id": 1, "parent": null, "item_type": "article", "articleNumber": "1001", "ean": "111", "desc": "Brot", "quantity": 2, "priceOne": 350, "tax": 7, "group": [ { "id": "G1", "desc": "Backwaren", "level": 1 } ], "serialNumber": null, "unknown_field": true },
      { "id": 2, "parent": null, "item_type": "article", "articleNumber": "2001", "ean": "222", "desc": "Kaffee", "quantity": 1, "priceOne": 1000, "tax": 19, "group": [] },
      { "id": 3, "parent": null, "item_type": "article", "articleNumber": "", "ean": "4260447149502", "desc": "Kartenaufladung", "quantity": 1, "priceOne": 1500, "tax": 7, "group": [] }
    ]
  },
  "basket_info": { "sum": 3200, "gratuity": null, "currency": "EUR" },
  "idents": [
    { "object": "smart.idents", "id": "smi_1", "type": "card", "value": "9276004429942845", "valid": true,
      "merchantcard": { "object": "loyalty.merchantcards", "id": "MCD_1", "balance": 352, "cash_balance": 300, "bonus_balance": 52, "points": 7, "lock_status": "unlocked" } }
  ]
}
"""#

let testNow = "2026-11-25T17:30:00+01:00"

func transaction(_ json: String = bakeryJSON) throws -> SmartTransaction {
    try SmartTransaction(json: JSON.parse(json))
}

/// Runs the pre-API hooks of `source` on `json`.
func prepare(
    _ source: String, json: String = bakeryJSON, now: String = testNow, limits: LuaLimits = .default
) throws -> PreparedCheckout {
    let engine = try CheckoutEngine(script: CheckoutScript(source: source), limits: limits)
    return try engine.prepare(transaction(json), now: now)
}

/// The error a script's pre-API hooks end with, or nil when they succeed.
func failure(_ source: String, json: String = bakeryJSON, limits: LuaLimits = .default) -> CheckoutFailure? {
    do {
        _ = try prepare(source, json: json, limits: limits)
        return nil
    } catch let failure as CheckoutFailure {
        return failure
    } catch {
        return CheckoutFailure(.invalidInput("\(error)"))
    }
}

/// Runs a whole checkout of `source` on the emulator.
func checkout(
    _ source: String, json: String = bakeryJSON, now: String = testNow, gateway: CountingGateway = CountingGateway()
) async throws -> CheckoutResult {
    let engine = try CheckoutEngine(script: CheckoutScript(source: source))
    return try await engine.checkout(transaction(json), now: now, gateway: gateway)
}

/// The emulator's gateway, counting how often a checkout reached the payment.
final class CountingGateway: PaymentGateway, @unchecked Sendable {
    private let emulator = EmulatorGateway(emulator: TransactionEmulator(clock: { testNow }))
    private(set) var payments = 0

    func pay(_ transaction: SmartTransaction, method: String) async throws(CheckoutError) -> SmartTransaction {
        payments += 1
        return try await emulator.pay(transaction, method: method)
    }
}

extension PreparedCheckout {
    var products: [BasketProduct] { transaction.basket?.products ?? [] }
    var coupons: [BasketProduct] { products.filter { $0.itemType == .coupon } }
    var sum: Int? { transaction.basketInfo?.sum }
}

/// Expects `statement`, run as line 2 of `on_basket`, to fail at that line with `expected` in
/// its message.
func expectLineTwoError(
    _ statement: String, contains expected: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let message = failure("function on_basket(tx)\n  \(statement)\nend")?.scriptMessage ?? ""
    #expect(message.hasPrefix("checkout.lua:2: "), "\(message)", sourceLocation: sourceLocation)
    #expect(message.contains(expected), "\(message)", sourceLocation: sourceLocation)
}

extension CheckoutFailure {
    /// The script error's message, or "" for other errors.
    var scriptMessage: String {
        if case .script(_, let message, _) = error { return message }
        return ""
    }
}
