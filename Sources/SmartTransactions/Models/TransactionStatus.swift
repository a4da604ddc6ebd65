/// The `status` of a Smart Transaction (secuconnect-api.md §2.3). Unknown and legacy
/// spellings (`canceled`, `aborted`, …) are kept as `unknown`.
public enum TransactionStatus: OpenStringEnum {
    /// New or modified, not captured.
    case created
    /// A secucard was applied through `preTransaction`; `missing_sum` is still to pay.
    case processing
    /// Pre-authorised after `prepare`.
    case approved
    /// Capture requested, not yet acknowledged.
    case pending
    /// Captured: final for intent `sale`.
    case ok
    /// Authorisation or capture failed.
    case failed
    /// Cancelled after `cancelTrx` or `cancel`.
    case cancelled
    /// Intent `order` with shipping: received.
    case received
    /// Intent `order` with shipping: shipped.
    case shipped
    /// Intent `order` with collection: ready for collection.
    case collection
    /// Intent `order` with collection: collected.
    case collected
    /// Any other value, kept as sent.
    case unknown(String)

    private static let known: [TransactionStatus] = [
        .created, .processing, .approved, .pending, .ok, .failed, .cancelled, .received, .shipped, .collection, .collected,
    ]

    /// The case for `rawValue`.
    /// - Parameter rawValue: The API's string.
    public init(rawValue: String) {
        self = Self.known.first { $0.rawValue == rawValue } ?? .unknown(rawValue)
    }

    /// The API's string.
    public var rawValue: String {
        switch self {
        case .created: "created"
        case .processing: "processing"
        case .approved: "approved"
        case .pending: "pending"
        case .ok: "ok"
        case .failed: "failed"
        case .cancelled: "cancelled"
        case .received: "received"
        case .shipped: "shipped"
        case .collection: "collection"
        case .collected: "collected"
        case .unknown(let value): value
        }
    }
}
