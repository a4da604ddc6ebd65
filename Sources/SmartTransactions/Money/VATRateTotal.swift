/// The totals of one VAT rate: gross, net and tax in cents (design.md §5).
public struct VATRateTotal: Sendable, Hashable {
    /// The VAT rate in whole percent.
    public var rate: Int
    /// Σ line totals at this rate, tax included.
    public var gross: Int
    /// `round_half_up(gross * 100 / (100 + rate))`.
    public var net: Int
    /// `gross - net`.
    public var tax: Int

    /// Creates the totals of a rate from its gross amount.
    /// - Parameters:
    ///   - rate: The VAT rate in whole percent, 0…100.
    ///   - gross: The gross amount in cents.
    /// - Throws: ``MoneyError`` for a rate outside 0…100 or on overflow.
    public init(rate: Int, gross: Int) throws(MoneyError) {
        guard (0...100).contains(rate) else {
            throw MoneyError(.invalidTaxRate, "VAT rate \(rate) % is outside 0…100: use a whole percent such as 7 or 19")
        }
        self.rate = rate
        self.gross = gross
        net = Money.divideRoundingHalfUp(try Money.multiply(gross, by: 100), by: 100 + rate)
        tax = gross - net
    }
}
