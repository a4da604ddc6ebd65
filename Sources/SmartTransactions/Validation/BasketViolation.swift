/// A broken basket invariant (design.md §3, "Rules the host enforces"), naming the product
/// and the field.
public struct BasketViolation: Error, Sendable, Equatable, CustomStringConvertible {
    /// The index of the product in `basket.products`; `nil` for a basket-level rule.
    public var productIndex: Int?
    /// The product's `id`, when it has one.
    public var productID: Int?
    /// The field: a product key such as `priceOne`, or `basket_info.sum` for a basket-level rule.
    public var field: String
    /// What is wrong and what to do.
    public var message: String

    /// Creates a violation.
    /// - Parameters:
    ///   - productIndex: The product's index, or `nil` for a basket-level rule.
    ///   - productID: The product's `id`.
    ///   - field: The field.
    ///   - message: What is wrong and what to do.
    public init(productIndex: Int?, productID: Int?, field: String, message: String) {
        self.productIndex = productIndex
        self.productID = productID
        self.field = field
        self.message = message
    }

    /// The field followed by the message, e.g. `basket.products[2] (id 3) quantity is 0: …` or
    /// `basket_info.sum is 100 but …`.
    public var description: String {
        guard let productIndex else { return "\(field) \(message)" }
        let id = productID.map { " (id \($0))" } ?? ""
        return "basket.products[\(productIndex)]\(id) \(field) \(message)"
    }
}
