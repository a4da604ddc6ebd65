import SmartTransactions

/// A transaction after its pre-API hooks: validated and ready to send.
public struct PreparedCheckout: Sendable {
    /// The transaction the hooks started from.
    public var original: SmartTransaction
    /// The transaction to send: products, coupons, sum and fields after the hooks.
    public var transaction: SmartTransaction
    /// What the hooks changed and explained.
    public var audit: [AuditEntry]
    /// What the script logged.
    public var log: [String]
    /// The checkout time the script saw as `tx.now`.
    public var now: String
    /// The seed of `math.random` for this checkout.
    public var randomSeed: Int
    /// Which reset of the engine's sandbox this checkout ran in.
    var generation: Int

    /// The payment method to start the transaction with: the script's choice, else the
    /// transaction's, else `cash`.
    public var paymentMethod: String {
        if case .string(let method)? = transaction.json.objectValue?["payment_method"] { return method }
        return "cash"
    }
}

/// The receipt after `on_receipt`.
public struct ReceiptOutcome: Sendable {
    /// The receipt lines to print (the API's lines, unchanged, when the hook failed).
    public var receipt: [JSONValue]
    /// What `on_receipt` recorded.
    public var audit: [AuditEntry]
    /// The whole checkout's log.
    public var log: [String]
    /// Why `on_receipt` failed, if it did.
    public var failure: CheckoutFailure?
}
