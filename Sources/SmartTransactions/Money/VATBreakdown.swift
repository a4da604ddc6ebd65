/// Totals per VAT rate of a basket (design.md §5), as printed under a receipt.
public enum VATBreakdown {
    /// Groups the products by `tax` rate and computes each rate's gross, net and tax.
    ///
    /// Coupon lines count with their negative totals, so a discount lowers its rate's tax.
    /// - Parameter products: The basket's lines.
    /// - Returns: One entry per rate present, sorted by rate.
    /// - Throws: ``MoneyError`` for a rate outside 0…100 or on overflow.
    public static func of(_ products: [BasketProduct]) throws(MoneyError) -> [VATRateTotal] {
        var gross: [Int: Int] = [:]
        for product in products {
            gross[product.tax] = try Money.sum([gross[product.tax, default: 0], product.total()])
        }
        var totals: [VATRateTotal] = []
        for rate in gross.keys.sorted() {
            totals.append(try VATRateTotal(rate: rate, gross: gross[rate, default: 0]))
        }
        return totals
    }
}
