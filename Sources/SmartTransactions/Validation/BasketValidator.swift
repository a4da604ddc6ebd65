/// Checks a transaction's basket against the invariants of design.md §3 ("Rules the host
/// enforces") and the API's rule that `basket_info.sum` is the basket total.
public enum BasketValidator {
    /// Every broken invariant, products first, in basket order.
    ///
    /// Per product: `quantity ≥ 1`; only `coupon` lines may have a negative `priceOne`; `tax`
    /// is 0…100; `desc` is not empty. Per basket: `basket_info.sum ≥ 0`; with `checkSum`, it
    /// equals Σ `priceOne * quantity`; with an `original`, the currency is unchanged.
    /// - Parameters:
    ///   - tx: The transaction to check.
    ///   - original: The transaction before changes, to check that the currency did not change.
    ///   - checkSum: Whether `basket_info.sum` must equal the products' total (an API body).
    /// - Returns: The violations; empty when the basket is valid.
    public static func violations(of tx: SmartTransaction, original: SmartTransaction?, checkSum: Bool = true) -> [BasketViolation] {
        let products = tx.basket?.products ?? []
        var violations = products.enumerated().flatMap { productViolations($1, index: $0) }
        violations += sumViolations(products, info: tx.basketInfo, checkSum: checkSum)
        if let original, original.basketInfo?.currency != tx.basketInfo?.currency {
            let before = original.basketInfo?.currency ?? "none"
            let after = tx.basketInfo?.currency ?? "none"
            violations.append(BasketViolation(productIndex: nil, productID: nil, field: "basket_info.currency",
                                              message: "changed from \(before) to \(after): the currency of a transaction cannot change"))
        }
        return violations
    }

    private static func productViolations(_ product: BasketProduct, index: Int) -> [BasketViolation] {
        var found: [(field: String, message: String)] = []
        if product.quantity < 1 {
            found.append(("quantity", "is \(product.quantity): it must be 1 or more (remove the line instead)"))
        }
        if product.priceOne < 0 && product.itemType != .coupon {
            found.append(("priceOne", "is \(product.priceOne) but item_type is \(product.itemType): only coupon lines may be negative"))
        }
        if !(0...100).contains(product.tax) {
            found.append(("tax", "is \(product.tax): it must be a whole percent from 0 to 100"))
        }
        if product.desc.trimmingSpaces().isEmpty {
            found.append(("desc", "is empty: give the line a text for the receipt"))
        }
        if case .failure(let error) = Result(catching: { () throws(MoneyError) in try product.total() }) {
            found.append(("priceOne", "× quantity: \(error.message)"))
        }
        return found.map { BasketViolation(productIndex: index, productID: product.id, field: $0.field, message: $0.message) }
    }

    private static func sumViolations(_ products: [BasketProduct], info: BasketInfo?, checkSum: Bool) -> [BasketViolation] {
        let sum = info?.sum ?? 0
        var found: [String] = []
        if sum < 0 { found.append("is \(sum): the total must not be negative") }
        if checkSum {
            switch Result(catching: { () throws(MoneyError) in try Basket(products: products).total() }) {
            case .success(let total) where total != sum:
                found.append("is \(sum) but the products add up to \(total) (Σ priceOne × quantity): send the basket total")
            case .failure(let error):
                found.append("cannot be checked: \(error.message)")
            default:
                break
            }
        }
        return found.map { BasketViolation(productIndex: nil, productID: nil, field: "basket_info.sum", message: $0) }
    }
}
