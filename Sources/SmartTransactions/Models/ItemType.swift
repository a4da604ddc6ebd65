/// A basket product's `item_type` (secuconnect-api.md §3.3).
public enum ItemType: OpenStringEnum, CaseIterable {
    /// An ordinary article.
    case article
    /// A merchant coupon: the only kind of line with a negative `priceOne`.
    case coupon
    /// A sub-transaction with its own `sub_basket`.
    case subTransaction
    /// A payment to a stakeholder.
    case stakeholderPayment
    /// Shipping costs.
    case shipping
    /// A subscription item.
    case subscription
    /// Any other value, kept as sent.
    case unknown(String)

    /// The documented item types.
    public static let allCases: [ItemType] = [.article, .coupon, .subTransaction, .stakeholderPayment, .shipping, .subscription]

    /// The case for `rawValue`.
    /// - Parameter rawValue: The API's string.
    public init(rawValue: String) {
        self = Self.allCases.first { $0.rawValue == rawValue } ?? .unknown(rawValue)
    }

    /// The API's string.
    public var rawValue: String {
        switch self {
        case .article: "article"
        case .coupon: "coupon"
        case .subTransaction: "sub_transaction"
        case .stakeholderPayment: "stakeholder_payment"
        case .shipping: "shipping"
        case .subscription: "subscription"
        case .unknown(let value): value
        }
    }
}
