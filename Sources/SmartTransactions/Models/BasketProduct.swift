/// A line of the basket (`basket.products[]`, or a `sub_basket` item), a typed view of its JSON
/// object that keeps unknown keys.
///
/// `priceOne` is the gross unit price in integer cents, `tax` the VAT rate in whole percent.
/// `quantity`, `priceOne` and `tax` are required; `articleNumber` and `quantity` are also
/// accepted as a number or a string, as the API sends both.
public struct BasketProduct: JSONModel {
    /// The EAN of the "load card" article: a loyalty-card top-up (stored value).
    public static let topUpEAN = "4260447149502"

    private var raw: JSONObject

    private enum Field {
        static let id = JSONField<Int>.int("id")
        static let parent = JSONField<Int>.int("parent")
        static let articleNumber = JSONField<String>.lenientString("articleNumber")
        static let ean = JSONField<String>.lenientString("ean")
        static let desc = JSONField<String>.string("desc")
        static let quantity = JSONField<Int>.lenientInt("quantity", required: true)
        static let priceOne = JSONField<Int>.int("priceOne", required: true)
        static let tax = JSONField<Int>.int("tax", required: true)
        static let group = JSONField<[ProductGroup]>.models("group")
        static let itemType = JSONField<ItemType>.openEnum("item_type")
        static let serialNumber = JSONField<String>.lenientString("serialNumber")
        static let referenceID = JSONField<String>.lenientString("reference_id")
        static let contractID = JSONField<String>.string("contract_id")
        static let sum = JSONField<Int>.int("sum")
        static let subBasket = JSONField<[BasketProduct]>.models("sub_basket")
        static let planID = JSONField<String>.string("plan_id")
        static let startAt = JSONField<String>.string("start_at")
        static let all: [any ValidatingField] = [
            id, parent, articleNumber, ean, desc, quantity, priceOne, tax, group, itemType,
            serialNumber, referenceID, contractID, sum, subBasket, planID, startAt,
        ]
    }

    /// The product's JSON object, unknown keys included.
    public var json: JSONValue { .object(raw) }

    /// Decodes and validates a product.
    /// - Parameters:
    ///   - json: The product's JSON object.
    ///   - path: Where the product sits in its document, e.g. `$.basket.products[2]`.
    /// - Throws: ``JSONDecodingError`` naming the first invalid member.
    public init(json: JSONValue, at path: String) throws(JSONDecodingError) {
        raw = try JSONRead.object(json, at: path)
        try raw.validate(Field.all, at: path)
    }

    /// A new product line, with its keys in the API's order.
    /// - Parameters:
    ///   - id: The line id.
    ///   - desc: The text on the receipt.
    ///   - quantity: How many.
    ///   - priceOne: Gross unit price in cents.
    ///   - tax: VAT rate in whole percent.
    ///   - itemType: The kind of line.
    ///   - ean: The EAN, if any.
    ///   - articleNumber: The article number, if any.
    public init(
        id: Int?, desc: String, quantity: Int = 1, priceOne: Int, tax: Int,
        itemType: ItemType = .article, ean: String? = nil, articleNumber: String? = nil
    ) {
        raw = JSONObject()
        self.id = id
        self.articleNumber = articleNumber
        self.ean = ean
        raw[Field.desc.key] = .string(desc)
        raw[Field.quantity.key] = .int(quantity)
        raw[Field.priceOne.key] = .int(priceOne)
        raw[Field.tax.key] = .int(tax)
        raw[Field.itemType.key] = itemType.jsonValue
    }

    /// `id`: the line id.
    public var id: Int? {
        get { raw[Field.id] }
        set { raw[Field.id] = newValue }
    }

    /// `parent`: the id of the parent line.
    public var parent: Int? {
        get { raw[Field.parent] }
        set { raw[Field.parent] = newValue }
    }

    /// `articleNumber` (a string; numbers are accepted).
    public var articleNumber: String? {
        get { raw[Field.articleNumber] }
        set { raw[Field.articleNumber] = newValue }
    }

    /// `ean`.
    public var ean: String? {
        get { raw[Field.ean] }
        set { raw[Field.ean] = newValue }
    }

    /// `desc`: the text on the receipt; `""` when absent.
    public var desc: String {
        get { raw[Field.desc, default: ""] }
        set { raw[Field.desc, default: ""] = newValue }
    }

    /// `quantity`.
    public var quantity: Int {
        get { raw[Field.quantity, default: 0] }
        set { raw[Field.quantity, default: 0] = newValue }
    }

    /// `priceOne`: the gross unit price in cents.
    public var priceOne: Int {
        get { raw[Field.priceOne, default: 0] }
        set { raw[Field.priceOne, default: 0] = newValue }
    }

    /// `tax`: the VAT rate in whole percent.
    public var tax: Int {
        get { raw[Field.tax, default: 0] }
        set { raw[Field.tax, default: 0] = newValue }
    }

    /// `group`: the article groups; `[]` when absent.
    public var group: [ProductGroup] {
        get { raw[Field.group, default: []] }
        set { raw[Field.group, default: []] = newValue }
    }

    /// `item_type`; `.article` when absent.
    public var itemType: ItemType {
        get { raw[Field.itemType, default: .article] }
        set { raw[Field.itemType, default: .article] = newValue }
    }

    /// `serialNumber`: the POSA card serial.
    public var serialNumber: String? {
        get { raw[Field.serialNumber] }
        set { raw[Field.serialNumber] = newValue }
    }

    /// `reference_id`: the line id for updates.
    public var referenceID: String? {
        get { raw[Field.referenceID] }
        set { raw[Field.referenceID] = newValue }
    }

    /// `contract_id`: the `GCR_…` of a sub-merchant or stakeholder.
    public var contractID: String? {
        get { raw[Field.contractID] }
        set { raw[Field.contractID] = newValue }
    }

    /// `sum`: the total of a sub-basket in cents; `nil` for plain items.
    public var sum: Int? {
        get { raw[Field.sum] }
        set { raw[Field.sum] = newValue }
    }

    /// `sub_basket`: the items of a sub-transaction.
    public var subBasket: [BasketProduct]? {
        get { raw[Field.subBasket] }
        set { raw[Field.subBasket] = newValue }
    }

    /// `plan_id` of a subscription item.
    public var planID: String? {
        get { raw[Field.planID] }
        set { raw[Field.planID] = newValue }
    }

    /// `start_at` of a subscription item.
    public var startAt: String? {
        get { raw[Field.startAt] }
        set { raw[Field.startAt] = newValue }
    }

    /// Whether this line loads a loyalty card (EAN ``topUpEAN``).
    public var isTopUp: Bool { ean == Self.topUpEAN }

    /// The line total, `priceOne * quantity`.
    /// - Returns: The total in cents.
    /// - Throws: ``MoneyError`` when the product overflows.
    public func total() throws(MoneyError) -> Int {
        try Money.multiply(priceOne, by: quantity)
    }
}
