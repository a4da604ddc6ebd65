import SmartTransactions

extension CheckoutEngine {
    /// The seed of `math.random` that a checkout of `transaction` at `now` runs with.
    ///
    /// It depends only on the transaction's JSON and the checkout time, so a replay record can
    /// name it and a replay can check that it is still the same.
    /// - Parameters:
    ///   - transaction: The transaction as given to ``prepare(_:now:)``.
    ///   - now: The checkout time, ISO 8601.
    /// - Returns: The seed, the same one ``PreparedCheckout/randomSeed`` reports.
    public static func checkoutSeed(for transaction: SmartTransaction, now: String) -> Int {
        randomSeed(for: transaction, now: now)
    }
}
