import SmartTransactions

/// The basket rules of design.md §3 read straight from the JSON, for the common case: it says
/// "valid" only when `BasketValidator` would find no violation and the basket total fits in
/// `Int`. Anything else (a rule broken, a number sent as a string, an overflow) goes to the
/// typed check, which names the problem; so the result is the same, only the valid case is fast.
enum BasketPrecheck {
    /// Whether the basket of a validated transaction certainly keeps every rule.
    /// - Parameters:
    ///   - transaction: The transaction's JSON.
    ///   - checkSum: Whether `basket_info.sum` must equal Σ priceOne × quantity.
    /// - Returns: `true` when it does; `false` when it may not.
    static func isPlainlyValid(_ transaction: JSONValue, checkSum: Bool) -> Bool {
        guard case .object(let basket)? = transaction["basket"], let total = plainTotal(basket["products"]) else {
            return false
        }
        guard let sum = plainSum(transaction["basket_info"]) else { return false }
        return sum >= 0 && (!checkSum || sum == total)
    }

    /// Whether both transactions plainly have the same `basket_info.currency` (the same string,
    /// or none in both).
    /// - Parameters:
    ///   - transaction: One transaction's JSON.
    ///   - other: The other's.
    static func haveSameCurrency(_ transaction: JSONValue, _ other: JSONValue) -> Bool {
        currency(of: transaction) == currency(of: other)
    }

    /// Σ priceOne × quantity when every product plainly keeps the rules, else nil.
    private static func plainTotal(_ products: JSONValue?) -> Int? {
        guard case .array(let items)? = products else { return products == nil || products == .null ? 0 : nil }
        var total = 0
        for item in items {
            guard case .object(let product) = item, let line = plainLineTotal(product) else { return nil }
            let (sum, overflow) = total.addingReportingOverflow(line)
            guard !overflow else { return nil }
            total = sum
        }
        return total
    }

    /// quantity ≥ 1, only coupons negative, tax 0…100, a desc that is not only spaces, all as
    /// plain JSON integers and strings; the line total, or nil.
    private static func plainLineTotal(_ product: JSONObject) -> Int? {
        guard case .int(let quantity)? = product["quantity"], quantity >= 1,
              case .int(let price)? = product["priceOne"],
              price >= 0 || product["item_type"] == .string("coupon"),
              case .int(let tax)? = product["tax"], (0 ... 100).contains(tax),
              case .string(let desc)? = product["desc"], desc.utf8.contains(where: { $0 != UInt8(ascii: " ") })
        else { return nil }
        let (total, overflow) = price.multipliedReportingOverflow(by: quantity)
        return overflow ? nil : total
    }

    /// `basket_info.sum` (0 when absent, as the typed model reads it), or nil when not a plain integer.
    private static func plainSum(_ info: JSONValue?) -> Int? {
        guard case .object(let fields)? = info else { return info == nil || info == .null ? 0 : nil }
        switch fields["sum"] {
        case nil, .null?: return 0
        case .int(let sum)?: return sum
        default: return nil
        }
    }

    private static func currency(of transaction: JSONValue) -> JSONValue {
        guard case .string(let currency)? = transaction["basket_info"]?["currency"] else { return .null }
        return .string(currency)
    }
}
