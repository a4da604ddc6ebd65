import CheckoutScripting
import Foundation
import SmartTransactions
import STXEmulator

/// One basket size, ready to time: a cached engine, the POS transaction as JSON and decoded, and
/// one paid transaction that the emulator answered once, outside the timed loops.
final class Workload {
    /// The checkout time every run sees as `tx.now`.
    static let now = "2026-11-25T17:30:00+01:00"

    /// How many products the basket holds.
    let size: Int
    let engine: CheckoutEngine
    let transaction: SmartTransaction
    let requestJSON: Data
    let paid: SmartTransaction
    let paidJSON: Data

    /// Builds the transaction, compiles the script, and pays one checkout on the emulator.
    /// - Parameters:
    ///   - size: How many products.
    ///   - script: The rule set.
    /// - Throws: `BenchError` when a checkout fails.
    init(size: Int, script: CheckoutScript) throws {
        self.size = size
        let json = BasketGenerator.transaction(products: size)
        requestJSON = JSON.serialize(json)
        transaction = try SmartTransaction(jsonData: requestJSON)
        engine = try CheckoutEngine(script: script)
        let prepared = try engine.prepare(transaction, now: Self.now)
        let emulator = TransactionEmulator(clock: { Self.now }, seed: 7)
        let created = try emulator.create(prepared.transaction.json)
        guard let id = created.id else { throw BenchError("the emulator created a transaction without an id") }
        paid = try emulator.start(id, method: prepared.paymentMethod)
        paidJSON = JSON.serialize(paid.json)
    }

    /// stx without JSON: `prepare` (reset, top level, `on_basket`, merge, validation) and
    /// `customizeReceipt` (`on_receipt` on the pre-paid transaction) on decoded values.
    /// - Parameter engine: The engine to run on; the workload's own when nil.
    /// - Returns: The prepared checkout and the receipt.
    @discardableResult
    func withoutJSON(on engine: CheckoutEngine? = nil) throws -> (PreparedCheckout, ReceiptOutcome) {
        let engine = engine ?? self.engine
        let prepared = try engine.prepare(transaction, now: Self.now)
        let outcome = engine.customizeReceipt(of: paid, prepared: prepared)
        if let failure = outcome.failure { throw failure }
        return (prepared, outcome)
    }

    /// stx end to end: decode the POS's JSON, `prepare`, encode the request body; decode the
    /// API's answer, `customizeReceipt`, encode the receipt.
    /// - Returns: The bytes written (so the work cannot be optimised away).
    @discardableResult
    func endToEnd() throws -> Int {
        let transaction = try SmartTransaction(jsonData: requestJSON)
        let prepared = try engine.prepare(transaction, now: Self.now)
        let body = JSON.serialize(prepared.transaction.json)
        let paid = try SmartTransaction(jsonData: paidJSON)
        let outcome = engine.customizeReceipt(of: paid, prepared: prepared)
        if let failure = outcome.failure { throw failure }
        return body.count + JSON.serialize(.array(outcome.receipt)).count
    }

    /// The line that `lua5.4 Benchmarks/pure/bench.lua` prints after `check N`: the basket sum,
    /// the coupon lines, and the lines the script added to the receipt.
    func summary() throws -> String {
        let (prepared, outcome) = try withoutJSON()
        let products = prepared.transaction.json["basket"]?["products"]?.arrayValue ?? []
        let coupons = products.filter { $0["item_type"] == "coupon" }.map { coupon in
            let field = { (key: String) in coupon[key].map { JSONValue.describe($0) } ?? "" }
            return "\(field("id")):\(field("desc")):\(field("tax")):\(field("priceOne"))"
        }
        let apiLines = paid.json["receipt"]?.arrayValue?.count ?? 0
        let footer = outcome.receipt.dropFirst(apiLines).map { line in
            let value = line["value"]
            let text = value?["caption"] ?? value?["text"]
            let shown = text.map(JSONValue.describe)
                ?? (value?["name"].map(JSONValue.describe) ?? "") + (value?["value"].map(JSONValue.describe) ?? "")
            return "\(line["type"].map(JSONValue.describe) ?? "")=\(shown)"
        }
        let sum = prepared.transaction.json["basket_info"]?["sum"]?.intValue ?? -1
        return "sum=\(sum) coupons=\(coupons.joined(separator: ",")) footer=\(footer.joined(separator: "|"))"
    }
}

extension JSONValue {
    /// A string as itself, an integer in decimal, anything else as compact JSON.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let string): string
        case .int(let int): String(int)
        default: JSON.string(value)
        }
    }
}
