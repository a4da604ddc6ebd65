import SmartTransactions

extension SecuconnectClient {
    /// Keys of a transaction that only the API sets; they are left out of a create body.
    static let serverOwnedKeys: Set<String> = [
        "object", "id", "status", "created", "updated", "receipt", "receipt_merchant", "receipt_number",
        "transactions",
    ]

    /// The one call a cash register needs: stores the transaction, then starts it exactly once.
    ///
    /// A transaction with an `id` is updated (`PUT`, the full object) unless `createNew` is set;
    /// otherwise it is created (`POST`, without the keys only the API sets). Then it is started
    /// with `method` through ``start(_:method:body:)``, which never charges twice.
    /// - Parameters:
    ///   - transaction: the transaction after the checkout script's hooks.
    ///   - method: the payment method, e.g. `cash`.
    ///   - createNew: create a new transaction even when `transaction` has an id (e.g. a sample
    ///     response used as a template).
    /// - Returns: the transaction after the start (status `ok`, or `failed` when declined).
    /// - Throws: ``SecuconnectError``. A create or update error means nothing was started.
    public func checkout(_ transaction: SmartTransaction, method: String, createNew: Bool = false)
        async throws(SecuconnectError) -> SmartTransaction
    {
        let stored: SmartTransaction
        if let id = transaction.id, !id.isEmpty, !createNew {
            stored = try await update(id, transaction)
        } else {
            stored = try await create(Self.createBody(transaction))
        }
        guard let id = stored.id, !id.isEmpty else {
            throw .unexpectedResponse(operation: "create", httpStatus: 200, reason: "a transaction without an id")
        }
        logger.info("starting", metadata: ["id": "\(id)", "method": "\(method)"])
        return try await start(id, method: method)
    }

    /// The transaction's JSON without the keys only the API sets.
    /// - Parameter transaction: a transaction (an API response or a create body).
    /// - Returns: a create body.
    public static func createBody(_ transaction: SmartTransaction) -> JSONValue {
        guard case .object(let object) = transaction.json else { return transaction.json }
        return .object(JSONObject(object.filter { !serverOwnedKeys.contains($0.key) }.map { ($0.key, $0.value) }))
    }
}
