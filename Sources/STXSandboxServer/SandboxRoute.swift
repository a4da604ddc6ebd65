/// The endpoints of the sandbox, for fault rules and the ledger's counts.
public enum SandboxRoute: String, Sendable, Hashable, CaseIterable {
    /// `POST /oauth/token`.
    case token
    /// `POST /api/v2/Smart/Transactions`.
    case create
    /// `GET /api/v2/Smart/Transactions/{id}`.
    case get
    /// `PUT /api/v2/Smart/Transactions/{id}`.
    case update
    /// `POST /api/v2/Smart/Transactions/{id}/preTransaction`.
    case preTransaction
    /// `POST /api/v2/Smart/Transactions/{id}/start/{method}`.
    case start
    /// `POST /api/v2/Smart/Transactions/{id}/cancel`.
    case cancel
    /// `POST /api/v2/Smart/Transactions/{receipt_number}/canceltrx`.
    case cancelTrx
}
