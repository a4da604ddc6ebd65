/// A receipt line's decoration (secuconnect-api.md §3.4).
public enum Decoration: OpenStringEnum, CaseIterable {
    /// Emphasised: bold on a printer or terminal.
    case important
    /// `align-left`.
    case alignLeft
    /// `align-center`.
    case alignCenter
    /// `align-right`.
    case alignRight
    /// Any other value, kept as sent.
    case unknown(String)

    /// The documented decorations.
    public static let allCases: [Decoration] = [.important, .alignLeft, .alignCenter, .alignRight]

    /// The case for `rawValue`.
    /// - Parameter rawValue: The API's string.
    public init(rawValue: String) {
        self = Self.allCases.first { $0.rawValue == rawValue } ?? .unknown(rawValue)
    }

    /// The API's string.
    public var rawValue: String {
        switch self {
        case .important: "important"
        case .alignLeft: "align-left"
        case .alignCenter: "align-center"
        case .alignRight: "align-right"
        case .unknown(let value): value
        }
    }
}
