import SmartTransactions
import Synchronization

/// An in-process emulator of secuconnect's Smart Transactions endpoints: no network,
/// thread-safe, deterministic (ids, TA codes and receipt numbers depend only on `seed`, times
/// only on `clock`).
///
/// It checks what the API checks (a valid basket with `basket_info.sum` equal to the products'
/// total and a currency, a known start method, the status flow created → (processing) →
/// ok | failed → cancelled) and answers refusals with the API's error payloads. On `start` it
/// books loyalty cards (top-ups with EAN 4260447149502 load the first card's `cash_balance`;
/// `loyalty` pays from the card, bonus first, and fails when the balance is short) and
/// prints a receipt in the style of the API's.
public final class TransactionEmulator: Sendable {
    private let clock: @Sendable () -> String
    private let state: Mutex<EmulatorState>

    /// Creates an emulator with no transactions.
    /// - Parameters:
    ///   - clock: Returns the current time as ISO-8601 with offset, for `created`/`updated`.
    ///   - seed: Seeds the ids, TA codes and receipt numbers.
    public init(clock: @escaping @Sendable () -> String, seed: UInt64 = 1) {
        self.clock = clock
        state = Mutex(EmulatorState(seed: seed))
    }

    /// `POST /Smart/Transactions`: creates a transaction from a create body.
    ///
    /// Keys the API assigns (`id`, `status`, `receipt`, `trans_id`, …) are taken from the
    /// emulator, not the body, so a full response can be posted again.
    /// - Parameter body: A SmartTransactionsDTO.
    /// - Returns: The transaction with status `created` and a new `STX_…` id.
    /// - Throws: ``APIErrorPayload`` `ProductFormatException` for an invalid body or basket.
    public func create(_ body: JSONValue) throws(APIErrorPayload) -> SmartTransaction {
        try withState { state, now throws(APIErrorPayload) in try state.create(body, now: now) }
    }

    /// `GET /Smart/Transactions/{id}`.
    /// - Parameter id: The `STX_…` id.
    /// - Returns: The transaction.
    /// - Throws: ``APIErrorPayload`` `ProductNotFoundException` for an unknown id.
    public func get(_ id: String) throws(APIErrorPayload) -> SmartTransaction {
        try withState { state, _ throws(APIErrorPayload) in try state.get(id) }
    }

    /// `PUT /Smart/Transactions/{id}`: replaces the transaction with the full object in `body`.
    /// - Parameters:
    ///   - id: The `STX_…` id.
    ///   - body: The full SmartTransactionsDTO.
    /// - Returns: The transaction, status `created` again (a `preTransaction` is discarded).
    /// - Throws: ``APIErrorPayload``: not found, an invalid body, or a transaction already paid.
    public func update(_ id: String, _ body: JSONValue) throws(APIErrorPayload) -> SmartTransaction {
        try withState { state, now throws(APIErrorPayload) in try state.update(id, body, now: now) }
    }

    /// `POST /Smart/Transactions/{id}/preTransaction`: applies the loyalty card.
    /// - Parameter id: The `STX_…` id.
    /// - Returns: `{missing_sum, bonus_products}`: what is left to pay after the first card's
    ///   balance (top-ups cannot be paid by the card); the emulator grants no bonus products.
    /// - Throws: ``APIErrorPayload``: not found, or a transaction already paid.
    public func preTransaction(_ id: String) throws(APIErrorPayload) -> JSONValue {
        try withState { state, now throws(APIErrorPayload) in try state.preTransaction(id, now: now) }
    }

    /// `POST /Smart/Transactions/{id}/start/{method}`: pays.
    /// - Parameters:
    ///   - id: The `STX_…` id.
    ///   - method: One of cash, cashless, debit, invoice, loyalty, prepaid, cashless_direct, ccload.
    /// - Returns: The transaction with status `ok` (TA code, receipt number, references and
    ///   receipt set) or `failed` (a loyalty payment the card cannot cover).
    /// - Throws: ``APIErrorPayload``: not found, an unknown method, a top-up without a card,
    ///   or a transaction that was already started.
    public func start(_ id: String, method: String) throws(APIErrorPayload) -> SmartTransaction {
        try withState { state, now throws(APIErrorPayload) in try state.start(id, method: method, now: now) }
    }

    /// `POST /Smart/Transactions/{id}/cancel`: cancels a paid (or failed) transaction and
    /// undoes its card bookings.
    /// - Parameter id: The `STX_…` id.
    /// - Returns: The transaction with status `cancelled`.
    /// - Throws: ``APIErrorPayload``: not found, or a transaction that is not `ok` or `failed`.
    public func cancel(_ id: String) throws(APIErrorPayload) -> SmartTransaction {
        try withState { state, now throws(APIErrorPayload) in try state.cancel(id, now: now) }
    }

    /// `POST /Smart/Transactions/{receipt_number}/canceltrx`: cancels by receipt number.
    /// - Parameter receiptNumber: The `receipt_number` of a paid transaction.
    /// - Returns: The transaction with status `cancelled`.
    /// - Throws: ``APIErrorPayload``: an unknown receipt number, or a transaction already cancelled.
    public func cancelTrx(receiptNumber: Int) throws(APIErrorPayload) -> SmartTransaction {
        try withState { state, now throws(APIErrorPayload) in try state.cancelTrx(receiptNumber: receiptNumber, now: now) }
    }

    private func withState<Result: Sendable>(
        _ body: (inout EmulatorState, String) throws(APIErrorPayload) -> Result
    ) throws(APIErrorPayload) -> Result {
        let now = clock()
        return try state.withLock { (state: inout EmulatorState) throws(APIErrorPayload) -> Result in try body(&state, now) }
    }
}
