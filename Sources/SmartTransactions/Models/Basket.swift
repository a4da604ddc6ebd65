/// The `basket`: `{products, type, texts}`, a typed view of its JSON object.
public struct Basket: JSONModel {
    private var raw: JSONObject

    private enum Field {
        static let products = JSONField<[BasketProduct]>.models("products")
        static let type = JSONField<String>.string("type")
        static let texts = JSONField<[JSONValue]>.array("texts", of: JSONRead.any, write: { $0 })
        static let all: [any ValidatingField] = [products, type, texts]
    }

    /// The basket's JSON object, unknown keys included.
    public var json: JSONValue { .object(raw) }

    /// Decodes and validates a basket.
    /// - Parameters:
    ///   - json: The basket's JSON object.
    ///   - path: Where the basket sits in its document, e.g. `$.basket`.
    /// - Throws: ``JSONDecodingError`` naming the first invalid member.
    public init(json: JSONValue, at path: String) throws(JSONDecodingError) {
        raw = try JSONRead.object(json, at: path)
        try raw.validate(Field.all, at: path)
    }

    /// A basket with `products` (and no other keys).
    /// - Parameter products: The lines.
    public init(products: [BasketProduct] = []) {
        raw = JSONObject()
        raw[Field.products.key] = Field.products.write(products)
    }

    /// `products`: the lines; `[]` when absent.
    public var products: [BasketProduct] {
        get { raw[Field.products, default: []] }
        set { raw[Field.products, default: []] = newValue }
    }

    /// `type`, e.g. `"default"`.
    public var type: String? {
        get { raw[Field.type] }
        set { raw[Field.type] = newValue }
    }

    /// `texts`: free texts (their shape is undocumented, so kept as JSON); `[]` when absent.
    public var texts: [JSONValue] {
        get { raw[Field.texts, default: []] }
        set { raw[Field.texts, default: []] = newValue }
    }

    /// The basket total, Σ `priceOne * quantity` over `products`.
    /// - Returns: The total in cents.
    /// - Throws: ``MoneyError`` on overflow.
    public func total() throws(MoneyError) -> Int {
        var totals: [Int] = []
        for product in products { totals.append(try product.total()) }
        return try Money.sum(totals)
    }
}
