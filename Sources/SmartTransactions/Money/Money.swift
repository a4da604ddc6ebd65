/// Money as `Int` cents: checked arithmetic (overflow is a ``MoneyError``, never a trap),
/// rounding half up, largest-remainder allocation and receipt formatting.
///
/// Rounding is symmetric: halves round away from zero, so `percent(-5, 10)` is `-1`, the
/// negation of `percent(5, 10)`.
public enum Money {
    /// The sum of `amounts`.
    /// - Parameter amounts: Amounts in cents.
    /// - Returns: The sum in cents.
    /// - Throws: ``MoneyError`` on overflow.
    public static func sum(_ amounts: some Sequence<Int>) throws(MoneyError) -> Int {
        var total = 0
        for amount in amounts {
            let (result, overflow) = total.addingReportingOverflow(amount)
            if overflow { throw .overflow("a sum") }
            total = result
        }
        return total
    }

    /// `cents * factor`.
    /// - Parameters:
    ///   - cents: An amount in cents.
    ///   - factor: A whole factor, such as a quantity.
    /// - Returns: The product in cents.
    /// - Throws: ``MoneyError`` on overflow.
    public static func multiply(_ cents: Int, by factor: Int) throws(MoneyError) -> Int {
        let (result, overflow) = cents.multipliedReportingOverflow(by: factor)
        if overflow { throw .overflow("\(cents) × \(factor)") }
        return result
    }

    /// `percent` percent of `cents`, rounded half up (halves away from zero).
    /// - Parameters:
    ///   - cents: An amount in cents.
    ///   - percent: A whole percentage, e.g. `10`.
    /// - Returns: `round_half_up(cents * percent / 100)`.
    /// - Throws: ``MoneyError`` when `cents * percent` overflows.
    public static func percent(_ cents: Int, _ percent: Int) throws(MoneyError) -> Int {
        try divideRoundingHalfUp(multiply(cents, by: percent), by: 100)
    }

    /// Splits `cents` in proportion to `weights` by the largest-remainder method.
    ///
    /// Each share is first rounded down; the cents left over go one each to the shares with the
    /// largest remainders, ties to the earlier weight. The shares always add up to `cents`, a
    /// zero weight gets nothing, and a negative amount is split like its magnitude and negated.
    /// - Parameters:
    ///   - cents: The amount to split.
    ///   - weights: Non-negative weights, at least one of them positive.
    /// - Returns: One share per weight, in order.
    /// - Throws: ``MoneyError`` for a negative weight, no positive weight, or overflow.
    public static func allocate(_ cents: Int, weights: [Int]) throws(MoneyError) -> [Int] {
        if let negative = weights.first(where: { $0 < 0 }) {
            throw MoneyError(.negativeWeight, "allocation weight \(negative) is negative: weights must be 0 or more")
        }
        let total = try sum(weights)
        guard total > 0 else {
            throw MoneyError(.zeroTotalWeight, "allocation needs at least one positive weight, got \(weights)")
        }
        guard cents != Int.min else { throw .overflow("allocating \(cents)") }
        let shares = allocateMagnitude(cents.magnitude, weights: weights.map(UInt.init), total: UInt(total))
        return shares.map { cents < 0 ? -Int($0) : Int($0) }
    }

    /// `cents` as on a receipt: thousands separated by `.`, two decimals after `,`, then the
    /// currency: `1.234,56 EUR`, `-5,00 EUR`.
    /// - Parameters:
    ///   - cents: The amount in cents (minor units; always shown with two decimals).
    ///   - currency: The currency code to append.
    ///   - symbol: Whether to append the currency code; `false` gives `1.234,56` for table columns.
    /// - Returns: The formatted amount.
    public static func format(_ cents: Int, currency: String = "EUR", symbol: Bool = true) -> String {
        let magnitude = cents.magnitude
        let units = String(magnitude / 100)
        var grouped = ""
        for (index, digit) in units.enumerated() {
            if index > 0 && (units.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        let fraction = magnitude % 100
        let sign = cents < 0 ? "-" : ""
        let amount = "\(sign)\(grouped),\(fraction < 10 ? "0" : "")\(fraction)"
        return symbol ? "\(amount) \(currency)" : amount
    }

    // MARK: - Internals

    /// `numerator / denominator` rounded half away from zero; `denominator` must be positive.
    static func divideRoundingHalfUp(_ numerator: Int, by denominator: Int) -> Int {
        let quotient = numerator / denominator
        let remainder = (numerator % denominator).magnitude
        guard remainder >= denominator.magnitude - remainder else { return quotient }
        return numerator < 0 ? quotient - 1 : quotient + 1
    }

    private static func allocateMagnitude(_ amount: UInt, weights: [UInt], total: UInt) -> [UInt] {
        var shares: [UInt] = []
        var remainders: [UInt] = []
        for weight in weights {
            // weight ≤ total, so the quotient ≤ amount: it fits.
            let (quotient, remainder) = total.dividingFullWidth(amount.multipliedFullWidth(by: weight))
            shares.append(quotient)
            remainders.append(remainder)
        }
        let leftover = Int(amount - shares.reduce(0, +))
        let order = remainders.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
        for index in order.prefix(leftover) { shares[index] += 1 }
        return shares
    }
}
