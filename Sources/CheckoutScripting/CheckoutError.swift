import SmartTransactions

/// Why a checkout did not complete.
public enum CheckoutError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The script or the transaction could not be read or is malformed.
    case invalidInput(String)
    /// The script failed: a syntax error, a runtime error or a broken invariant.
    /// `message` begins with `file:line:` when the script's line is known.
    case script(hook: String, message: String, traceback: String)
    /// A limit of the sandbox was exceeded (instructions, memory, wall time or output).
    case limitExceeded(LimitKind, message: String)
    /// The script called `tx:reject(message)`.
    case rejected(String)
    /// The payment API (or the emulator) refused the transaction.
    case paymentRefused(APIErrorPayload)
    /// The payment API could not be reached or answered nonsense.
    case paymentFailed(String)

    /// The limit that ended a run.
    public enum LimitKind: String, Sendable, Equatable {
        case instructions, memory, time, output
    }

    /// One clear sentence first, then the detail.
    public var description: String {
        switch self {
        case .invalidInput(let message):
            return "Invalid input: \(message)"
        case .script(let hook, let message, _):
            return "The script failed in \(hook): \(message)"
        case .limitExceeded(_, let message):
            return "The script exceeded a limit: \(message)"
        case .rejected(let message):
            return "The script rejected the checkout: \(message)"
        case .paymentRefused(let payload):
            return "The payment API refused the transaction: \(payload.error ?? "error") \(payload.errorDetails ?? "")"
        case .paymentFailed(let message):
            return "The payment API could not be used: \(message)"
        }
    }
}

/// A failed checkout: the error plus what the script recorded before it failed.
public struct CheckoutFailure: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var error: CheckoutError
    /// The audit trail up to the failure.
    public var audit: [AuditEntry]
    /// The script's log up to the failure.
    public var log: [String]

    /// Creates a failure.
    public init(_ error: CheckoutError, audit: [AuditEntry] = [], log: [String] = []) {
        self.error = error
        self.audit = audit
        self.log = log
    }

    public var description: String { error.description }
}
