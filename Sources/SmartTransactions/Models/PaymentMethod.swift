/// A `payment_method`, as used by `start/{method}` (secuconnect-api.md §2.1). Prepare-only and
/// legacy values (`creditcard`, `demo`, `auto`, …) are kept as `unknown`.
public enum PaymentMethod: OpenStringEnum, CaseIterable {
    /// The register took cash; the API only records it.
    case cash
    /// Card payment on the secupay terminal.
    case cashless
    /// Direct debit.
    case debit
    /// Invoice.
    case invoice
    /// A pure secucard (loyalty card) payment.
    case loyalty
    /// Prepayment.
    case prepaid
    /// Card payment done on a non-secupay terminal.
    case cashlessDirect
    /// Credit-card load.
    case ccload
    /// Any other value, kept as sent.
    case unknown(String)

    /// The start methods of the current API, in the API's order.
    public static let allCases: [PaymentMethod] = [.cash, .cashless, .debit, .invoice, .loyalty, .prepaid, .cashlessDirect, .ccload]

    /// The case for `rawValue`.
    /// - Parameter rawValue: The API's string.
    public init(rawValue: String) {
        self = Self.allCases.first { $0.rawValue == rawValue } ?? .unknown(rawValue)
    }

    /// The API's string.
    public var rawValue: String {
        switch self {
        case .cash: "cash"
        case .cashless: "cashless"
        case .debit: "debit"
        case .invoice: "invoice"
        case .loyalty: "loyalty"
        case .prepaid: "prepaid"
        case .cashlessDirect: "cashless_direct"
        case .ccload: "ccload"
        case .unknown(let value): value
        }
    }
}
