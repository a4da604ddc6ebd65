import SmartTransactions

/// The "No double charge" state machine of one `start` (README): after each observation it decides
/// whether the client is done, reads the status, starts again, or reports. It never decides to
/// start again unless the last start provably never reached the server *and* the status confirms
/// the transaction was not started; then only once.
struct StartRecovery {
    /// What the client saw.
    enum Observation {
        /// The start answered 2xx with a transaction.
        case answered(SmartTransaction)
        /// The start was refused before it was executed (a 4xx, or no token).
        case refused(SecuconnectError)
        /// The start got no clear answer (no answer, a 5xx, an unreadable 2xx). `delivered` is false
        /// only when no connection was made.
        case unclear(SecuconnectError, delivered: Bool)
        /// A read of the transaction.
        case status(SmartTransaction)
        /// A read of the transaction failed.
        case statusUnreadable(SecuconnectError)
    }

    /// What the client does next.
    enum Decision {
        case finish(SmartTransaction)
        case report(SecuconnectError)
        case readStatus(after: Duration)
        case startAgain
    }

    let transactionID: String
    let policy: StartRecoveryPolicy
    private(set) var startsSent = 1
    private var lastStartDelivered = true
    private var lastProblem: SecuconnectError?
    private var lastStatus: String?
    private var deadline: ContinuousClock.Instant?

    init(transactionID: String, policy: StartRecoveryPolicy) {
        self.transactionID = transactionID
        self.policy = policy
    }

    /// Decides the next step.
    /// - Parameters:
    ///   - observation: what the client just saw.
    ///   - now: the current instant (the settle deadline counts from the first unclear start).
    mutating func decide(_ observation: Observation, now: ContinuousClock.Instant) -> Decision {
        switch observation {
        case .answered(let transaction):
            return .finish(transaction)
        case .refused(let error):
            return .report(error)
        case .unclear(let error, let delivered):
            lastProblem = error
            lastStartDelivered = delivered
            if deadline == nil { deadline = now + policy.settleTimeout }
            return .readStatus(after: .zero)
        case .status(let transaction):
            return decide(status: transaction, now: now)
        case .statusUnreadable(let error):
            return keepReading(now: now, because: "reading the status failed too: \(error)")
        }
    }

    private mutating func decide(status transaction: SmartTransaction, now: ContinuousClock.Instant) -> Decision {
        let status = transaction.status ?? .unknown("missing")
        lastStatus = status.rawValue
        guard Self.isBeforeStart(status) else { return .finish(transaction) }
        if !lastStartDelivered {
            guard policy.restartWhenNotDelivered, startsSent < 2 else { return .report(lastProblem ?? notStarted) }
            startsSent += 1
            return .startAgain
        }
        return keepReading(now: now, because: "the status is still \(status.rawValue)")
    }

    private func keepReading(now: ContinuousClock.Instant, because reason: String) -> Decision {
        if let deadline, now < deadline { return .readStatus(after: policy.pollInterval) }
        let problem = lastProblem.map { "\($0)" } ?? "no clear answer"
        return .report(
            .startOutcomeUnknown(transactionID: transactionID, lastKnownStatus: lastStatus, reason: "\(problem); \(reason)"))
    }

    private var notStarted: SecuconnectError {
        .transport(operation: "start", TransportFailure(kind: .notDelivered, detail: "the transaction was not started"))
    }

    /// Whether `status` means the transaction has not been started yet.
    static func isBeforeStart(_ status: TransactionStatus) -> Bool {
        switch status {
        case .created, .processing, .approved: true
        default: false
        }
    }
}
