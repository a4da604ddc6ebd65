/// Why a money computation could not be done.
public struct MoneyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of money errors.
    public enum Kind: Sendable, Equatable {
        /// The result does not fit in `Int` cents.
        case overflow
        /// An allocation weight is negative.
        case negativeWeight
        /// Allocation weights are empty or add up to zero.
        case zeroTotalWeight
        /// A VAT rate outside 0…100 percent.
        case invalidTaxRate
    }

    /// What went wrong.
    public var kind: Kind
    /// A sentence saying what went wrong and what to do.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - kind: What went wrong.
    ///   - message: A sentence saying what went wrong and what to do.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }

    static func overflow(_ operation: String) -> MoneyError {
        MoneyError(.overflow, "amount overflow in \(operation): the result does not fit in 64-bit cents; check the prices and quantities")
    }
}
