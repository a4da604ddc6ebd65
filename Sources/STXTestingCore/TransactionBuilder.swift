import SmartTransactions

/// Builds a `smart.transactions` object in a few lines: products, top-ups, a loyalty card.
///
/// ```swift
/// let tx = TransactionBuilder()
///     .product("Roggenbrot 750 g", priceOne: 425, tax: 7, group: "Backwaren")
///     .product("Kaffee to go", priceOne: 290, quantity: 2, tax: 19)
///     .card(cashBalance: 300, bonusBalance: 52)
/// ```
/// Lines get the ids 1, 2, 3, …; `basket_info.sum` is computed; the currency is EUR unless given.
public struct TransactionBuilder: Sendable {
    /// The card number ``card(_:cashBalance:bonusBalance:points:locked:valid:)`` uses by default.
    public static let defaultCardNumber = "9276004429942845"

    private var merchant: String
    private var currency: String
    private var products: [JSONObject] = []
    private var idents: [JSONValue] = []
    private var groups: [String] = []
    private var fields = JSONObject()

    /// Starts an empty transaction.
    /// - Parameters:
    ///   - merchant: The merchant's company name (`tx.merchant.companyname`).
    ///   - currency: `basket_info.currency`.
    public init(merchant: String = "John's Bakery", currency: String = "EUR") {
        self.merchant = merchant
        self.currency = currency
    }

    /// Adds an article line.
    /// - Parameters:
    ///   - desc: The description.
    ///   - priceOne: Gross unit price in cents.
    ///   - quantity: How many.
    ///   - tax: VAT rate in whole percent.
    ///   - group: The article group's name (`p.group[1].desc`), if any.
    ///   - ean: The EAN, if any.
    ///   - articleNumber: The article number, if any.
    ///   - itemType: `article`, `shipping`, `coupon`, …
    /// - Returns: The builder with the line added.
    public func product(
        _ desc: String, priceOne: Int, quantity: Int = 1, tax: Int = 19, group: String? = nil,
        ean: String? = nil, articleNumber: String? = nil, itemType: String = "article"
    ) -> TransactionBuilder {
        var copy = self
        var line = JSONObject()
        line["id"] = .int(products.count + 1)
        line["parent"] = .null
        line["item_type"] = .string(itemType)
        if let articleNumber { line["articleNumber"] = .string(articleNumber) }
        if let ean { line["ean"] = .string(ean) }
        line["desc"] = .string(desc)
        line["quantity"] = .int(quantity)
        line["priceOne"] = .int(priceOne)
        line["tax"] = .int(tax)
        var groupList: [JSONValue] = []
        if let group { groupList.append(copy.groupJSON(group)) }
        line["group"] = .array(groupList)
        copy.products.append(line)
        return copy
    }

    /// Adds `count` article lines `"<desc> 1"`, `"<desc> 2"`, …: a large basket for limit tests.
    /// - Parameters:
    ///   - count: How many lines.
    ///   - desc: The description's stem.
    ///   - priceOne: Gross unit price in cents of each line.
    ///   - tax: VAT rate in whole percent.
    ///   - group: The article group's name, if any.
    /// - Returns: The builder with the lines added.
    public func products(count: Int, desc: String = "Artikel", priceOne: Int, tax: Int = 19, group: String? = nil) -> TransactionBuilder {
        (0..<max(count, 0)).reduce(self) { builder, index in
            builder.product("\(desc) \(index + 1)", priceOne: priceOne, tax: tax, group: group)
        }
    }

    /// Adds a loyalty-card top-up: a load-card line (EAN 4260447149502), stored value.
    /// - Parameters:
    ///   - cents: The amount to load.
    ///   - tax: VAT rate of the line.
    ///   - desc: The description.
    /// - Returns: The builder with the line added.
    public func topUp(_ cents: Int, tax: Int = 0, desc: String = "Kartenaufladung") -> TransactionBuilder {
        product(desc, priceOne: cents, tax: tax, ean: BasketProduct.topUpEAN, articleNumber: "")
    }

    /// Adds a loyalty card (`tx.idents`); `balance` is `cashBalance + bonusBalance`.
    /// - Parameters:
    ///   - number: The card number (`ident.value`).
    ///   - cashBalance: The card's cash balance in cents.
    ///   - bonusBalance: The card's bonus balance in cents.
    ///   - points: Loyalty points.
    ///   - locked: Whether the card is locked (`lock_status`).
    ///   - valid: Whether the ident is valid.
    /// - Returns: The builder with the card added.
    public func card(
        _ number: String = defaultCardNumber, cashBalance: Int = 0, bonusBalance: Int = 0, points: Int = 0,
        locked: Bool = false, valid: Bool = true
    ) -> TransactionBuilder {
        var copy = self
        let index = idents.count + 1
        var card = JSONObject()
        card["object"] = "loyalty.merchantcards"
        card["id"] = .string("MCD_TEST\(index)")
        card["is_base_card"] = true
        card["points"] = .int(points)
        card["cash_balance"] = .int(cashBalance)
        card["bonus_balance"] = .int(bonusBalance)
        let (balance, overflow) = cashBalance.addingReportingOverflow(bonusBalance)
        card["balance"] = overflow ? .null : .int(balance)
        card["stock_status"] = "active"
        card["lock_status"] = .string(locked ? "locked" : "unlocked")
        card["passcode"] = 0
        var ident = JSONObject()
        ident["object"] = "smart.idents"
        ident["id"] = .string("smi_\(index)")
        ident["prefix"] = .string(String(number.prefix(4)))
        ident["name"] = "secucard Kundenkarte"
        ident["type"] = "card"
        ident["value"] = .string(number)
        ident["valid"] = .bool(valid)
        ident["merchantcard"] = .object(card)
        copy.idents.append(.object(ident))
        return copy
    }

    /// Sets `payment_method` (cash, cashless, debit, invoice, loyalty, prepaid, cashless_direct, ccload).
    /// - Parameter method: The start method.
    /// - Returns: The builder with the method set.
    public func paymentMethod(_ method: String) -> TransactionBuilder {
        setting("payment_method", to: .string(method))
    }

    /// Sets `merchantRef`.
    /// - Parameter reference: The merchant's reference.
    /// - Returns: The builder with the reference set.
    public func merchantRef(_ reference: String) -> TransactionBuilder {
        setting("merchantRef", to: .string(reference))
    }

    /// Sets any other top-level member of the transaction.
    /// - Parameters:
    ///   - key: The member's JSON key, e.g. `transactionRef`.
    ///   - value: Its value.
    /// - Returns: The builder with the member set.
    public func setting(_ key: String, to value: JSONValue) -> TransactionBuilder {
        var copy = self
        copy.fields[key] = value
        return copy
    }

    /// The transaction.
    /// - Returns: A validated `smart.transactions` object.
    /// - Throws: ``TestInputError`` when amounts overflow or a value is invalid.
    public func build() throws(TestInputError) -> SmartTransaction {
        var sum = 0
        for line in products {
            let (total, overflow) = (line["priceOne"]?.intValue ?? 0)
                .multipliedReportingOverflow(by: line["quantity"]?.intValue ?? 0)
            let (next, overflowSum) = sum.addingReportingOverflow(total)
            if overflow || overflowSum {
                throw TestInputError("the basket's total overflows 64-bit cents: use smaller prices or quantities")
            }
            sum = next
        }
        do {
            return try SmartTransaction(json: json(sum: sum))
        } catch {
            throw TestInputError("the built transaction is invalid: \(error)")
        }
    }

    private func json(sum: Int) -> JSONValue {
        var object = JSONObject()
        object["object"] = "smart.transactions"
        object["merchant"] = .object([
            "object": "general.merchants", "id": "MRC_TEST", "companyname": .string(merchant),
        ])
        object["intent"] = "sale"
        object["is_demo"] = true
        object["payment_method"] = "cash"
        object["basket"] = .object(["type": "default", "texts": [], "products": .array(products.map(JSONValue.object))])
        object["basket_info"] = .object(["sum": .int(sum), "gratuity": .null, "currency": .string(currency)])
        object["idents"] = .array(idents)
        for (key, value) in fields { object[key] = value }
        return .object(object)
    }

    /// `{id, desc, level}` for a group name; ids `G1`, `G2`, … in order of first use.
    private mutating func groupJSON(_ name: String) -> JSONValue {
        if !groups.contains(name) { groups.append(name) }
        let id = (groups.firstIndex(of: name) ?? 0) + 1
        return .object(["id": .string("G\(id)"), "desc": .string(name), "level": 1])
    }
}
