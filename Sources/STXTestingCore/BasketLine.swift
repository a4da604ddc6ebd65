import SmartTransactions

/// One basket line as a rule test expects it: description, quantity, unit price, VAT rate and
/// whether it is a coupon. Ids and other fields are not compared.
///
/// ```swift
/// BasketLine("Roggenbrot 750 g", priceOne: 425, tax: 7)
/// BasketLine.coupon("Backwaren -10 %", priceOne: -107, tax: 7)
/// ```
public struct BasketLine: Sendable, Hashable, CustomStringConvertible {
    /// `desc`.
    public var desc: String
    /// `quantity`.
    public var quantity: Int
    /// `priceOne`: gross unit price in cents (negative for coupons).
    public var priceOne: Int
    /// `tax`: VAT rate in whole percent.
    public var tax: Int
    /// `item_type`: `article`, `coupon`, …
    public var itemType: String

    /// An expected line.
    /// - Parameters:
    ///   - desc: The description.
    ///   - quantity: How many.
    ///   - priceOne: Gross unit price in cents.
    ///   - tax: VAT rate in whole percent.
    ///   - itemType: `article` unless told.
    public init(_ desc: String, quantity: Int = 1, priceOne: Int, tax: Int, itemType: String = "article") {
        self.desc = desc
        self.quantity = quantity
        self.priceOne = priceOne
        self.tax = tax
        self.itemType = itemType
    }

    /// An expected coupon line (a discount share at one VAT rate).
    /// - Parameters:
    ///   - label: The discount's label (the coupon's `desc`).
    ///   - priceOne: The (negative) amount in cents.
    ///   - tax: The VAT rate it reduces.
    /// - Returns: The line.
    public static func coupon(_ label: String, priceOne: Int, tax: Int) -> BasketLine {
        BasketLine(label, priceOne: priceOne, tax: tax, itemType: "coupon")
    }

    /// The line of an actual basket product.
    /// - Parameter product: The product.
    public init(_ product: BasketProduct) {
        let type = product.json.objectValue?["item_type"]?.stringValue ?? "article"
        self.init(product.desc, quantity: product.quantity, priceOne: product.priceOne, tax: product.tax, itemType: type)
    }

    /// Whether this is a coupon line.
    public var isCoupon: Bool { itemType == "coupon" }

    /// `priceOne × quantity`, or nil when it overflows.
    public var total: Int? {
        let (total, overflow) = priceOne.multipliedReportingOverflow(by: quantity)
        return overflow ? nil : total
    }

    /// The cells of a basket table: description (with the kind of line), quantity, price,
    /// total and VAT, amounts without the currency code.
    /// - Parameter currency: The currency of the amounts.
    /// - Returns: Five cells.
    public func cells(currency: String) -> [String] {
        let kind = itemType == "article" ? "" : " (\(itemType))"
        return [
            desc + kind, String(quantity), Money.format(priceOne, currency: currency, symbol: false),
            total.map { Money.format($0, currency: currency, symbol: false) } ?? "overflow", "\(tax) %",
        ]
    }

    public var description: String {
        cells(currency: "EUR").joined(separator: " | ")
    }
}
