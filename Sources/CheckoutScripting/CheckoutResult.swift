import SmartTransactions

/// A completed checkout: the API's answer, the receipt to print, and what the script did.
public struct CheckoutResult: Sendable {
    /// The transaction after the pre-API hooks, as it was sent.
    public var prepared: PreparedCheckout
    /// The API's (or the emulator's) final answer.
    public var transaction: SmartTransaction
    /// The receipt to print: the API's lines with the script's changes.
    public var receipt: [JSONValue]
    /// Every change and explanation, from `on_basket` to `on_receipt`.
    public var audit: [AuditEntry]
    /// What the script logged.
    public var log: [String]
    /// Set when `on_receipt` failed: `receipt` is then the API's, unchanged.
    public var receiptFailure: CheckoutFailure?
}

extension CheckoutEngine {
    /// Runs a whole checkout: the pre-API hooks, the payment, then `on_receipt`.
    /// - Parameters:
    ///   - transaction: The transaction as the POS built it.
    ///   - now: The checkout time, ISO 8601.
    ///   - gateway: Where to pay: the emulator or secuconnect.
    /// - Returns: The API's answer and the receipt. A failing `on_receipt` does not throw: the
    ///   payment happened, so the result carries the API's receipt and `receiptFailure`.
    /// - Throws: `CheckoutFailure` when the checkout stopped before or at the payment; nothing
    ///   was charged unless the error is the payment's own.
    public func checkout(
        _ transaction: SmartTransaction, now: String, gateway: some PaymentGateway
    ) async throws(CheckoutFailure) -> CheckoutResult {
        let prepared = try prepare(transaction, now: now)
        let paid: SmartTransaction
        do {
            paid = try await gateway.pay(prepared.transaction, method: prepared.paymentMethod)
        } catch {
            throw CheckoutFailure(error, audit: prepared.audit, log: prepared.log)
        }
        let status = paid.json.objectValue?["status"]
        guard status == .string("ok") else {
            let text = if case .string(let s)? = status { s } else { "none" }
            throw CheckoutFailure(
                .paymentFailed("the payment ended with status \(text), not ok"), audit: prepared.audit, log: prepared.log)
        }
        let outcome = customizeReceipt(of: paid, prepared: prepared)
        return CheckoutResult(
            prepared: prepared, transaction: paid, receipt: outcome.receipt,
            audit: prepared.audit + outcome.audit, log: outcome.log, receiptFailure: outcome.failure)
    }
}
