import CheckoutScripting
import SmartTransactions

/// One checkout of rules under test: its input, and either the completed checkout or why it
/// stopped. The accessors read the basket as it was sent, the receipt as it is printed, and the
/// audit trail of every change the rules made.
public struct RuleRun: Sendable {
    /// The transaction the checkout started from.
    public var input: SmartTransaction
    /// The checkout time the script saw as `tx.now`.
    public var now: String
    /// The seed of `math.random` in this checkout.
    public var randomSeed: Int
    /// The completed checkout, or why it stopped before or at the payment.
    public var outcome: Result<CheckoutResult, CheckoutFailure>

    /// Creates a run from a checkout's outcome.
    /// - Parameters:
    ///   - input: The transaction the checkout started from.
    ///   - now: The checkout time.
    ///   - outcome: What `CheckoutEngine.checkout` returned or threw.
    public init(input: SmartTransaction, now: String, outcome: Result<CheckoutResult, CheckoutFailure>) {
        self.input = input
        self.now = now
        self.randomSeed = CheckoutEngine.checkoutSeed(for: input, now: now)
        self.outcome = outcome
    }

    // MARK: - What happened

    /// The completed checkout, or nil when it stopped before or at the payment.
    public var result: CheckoutResult? {
        if case .success(let result) = outcome { return result }
        return nil
    }

    /// Why the checkout stopped, or why `on_receipt` failed after the payment; nil when all went well.
    public var failure: CheckoutFailure? {
        switch outcome {
        case .success(let result): return result.receiptFailure
        case .failure(let failure): return failure
        }
    }

    /// The message of `tx:reject(message)`, when the script rejected the checkout.
    public var rejection: String? {
        if case .rejected(let message)? = failure?.error { return message }
        return nil
    }

    /// The exit code `stx-run` reports for this checkout: 0 ok, 2 invalid input, 3 script error,
    /// 4 limit exceeded, 5 rejected, 6 the payment was refused.
    public var exitCode: Int32 {
        guard let error = failure?.error else { return 0 }
        switch error {
        case .invalidInput: return 2
        case .script: return 3
        case .limitExceeded: return 4
        case .rejected: return 5
        case .paymentRefused, .paymentFailed: return 6
        }
    }

    // MARK: - The basket, the receipt, the trail

    /// The transaction as it was sent to the payment (after the pre-API hooks); nil when the
    /// checkout stopped before.
    public var sent: SmartTransaction? { result?.prepared.transaction }

    /// The basket's lines as they were sent; `[]` when the checkout stopped before.
    public var products: [BasketProduct] { sent?.basket?.products ?? [] }

    /// The coupon lines of the basket as sent (discounts).
    public var coupons: [BasketProduct] { products.filter { $0.itemType == .coupon } }

    /// `basket_info.sum` as sent: the total the customer pays; nil when the checkout stopped before.
    public var sum: Int? { sent?.basketInfo?.sum }

    /// The payment method the transaction was started with; nil when the checkout stopped before.
    public var paymentMethod: String? { result?.prepared.paymentMethod }

    /// The basket's currency (`EUR` when the transaction names none).
    public var currency: String { (sent ?? input).basketInfo?.currency ?? "EUR" }

    /// The receipt lines to print; `[]` when the checkout stopped before the payment.
    public var receipt: [ReceiptLine] {
        (result?.receipt ?? []).compactMap { try? ReceiptLine(json: $0) }
    }

    /// The receipt as a printer prints it (plain text, `important` marked with `*`).
    /// - Parameter width: Characters per line.
    /// - Returns: The rendered receipt.
    public func receiptText(width: Int = 42) -> String {
        ReceiptRenderer(width: width, style: .plain).render(receipt)
    }

    /// Every change and explanation the rules recorded, up to the end or the failure.
    public var audit: [AuditEntry] {
        switch outcome {
        case .success(let result): return result.audit
        case .failure(let failure): return failure.audit
        }
    }

    /// What the script logged.
    public var log: [String] {
        switch outcome {
        case .success(let result): return result.log
        case .failure(let failure): return failure.log
        }
    }

    /// The audit trail as readable lines: hook, script line, what changed (amounts in the
    /// basket's currency). This is "which rule changed what" in failure messages.
    public var auditText: String {
        CheckoutReport.audit(audit, currency: currency)
    }

    // MARK: - Output

    /// What `stx-run --format json` reports for this checkout, plus `exit_code` and, when the
    /// checkout failed, `error`: the output a replay record keeps and compares.
    public var output: JSONValue {
        var object = JSONObject()
        object["exit_code"] = .int(Int(exitCode))
        if let result {
            object["transaction"] = result.transaction.json
            object["receipt"] = .array(result.receipt)
        }
        object["audit"] = .array(audit.map(\.json))
        object["log"] = .array(log.map(JSONValue.string))
        if let failure { object["error"] = .string(failure.description) }
        return .object(object)
    }
}
