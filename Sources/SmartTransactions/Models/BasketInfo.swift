/// The `basket_info`: `{sum, gratuity, currency}`, amounts in cents.
public struct BasketInfo: JSONModel {
    private var raw: JSONObject

    private enum Field {
        static let sum = JSONField<Int>.int("sum")
        static let gratuity = JSONField<Int>.int("gratuity")
        static let currency = JSONField<String>.string("currency")
        static let all: [any ValidatingField] = [sum, gratuity, currency]
    }

    /// The object's JSON, unknown keys included.
    public var json: JSONValue { .object(raw) }

    /// Decodes and validates a `basket_info`.
    /// - Parameters:
    ///   - json: The JSON object.
    ///   - path: Where it sits in its document, e.g. `$.basket_info`.
    /// - Throws: ``JSONDecodingError`` naming the first invalid member.
    public init(json: JSONValue, at path: String) throws(JSONDecodingError) {
        raw = try JSONRead.object(json, at: path)
        try raw.validate(Field.all, at: path)
    }

    /// A new `basket_info`.
    /// - Parameters:
    ///   - sum: The basket total in cents.
    ///   - currency: The ISO 4217 currency code.
    ///   - gratuity: Tips included in `sum`, if any.
    public init(sum: Int = 0, currency: String? = nil, gratuity: Int? = nil) {
        raw = JSONObject()
        raw[Field.sum.key] = .int(sum)
        self.gratuity = gratuity
        self.currency = currency
    }

    /// `sum`: the basket total in cents; `0` when absent.
    public var sum: Int {
        get { raw[Field.sum, default: 0] }
        set { raw[Field.sum, default: 0] = newValue }
    }

    /// `gratuity`: tips included in `sum`, in cents.
    public var gratuity: Int? {
        get { raw[Field.gratuity] }
        set { raw[Field.gratuity] = newValue }
    }

    /// `currency`: ISO 4217, e.g. `"EUR"`.
    public var currency: String? {
        get { raw[Field.currency] }
        set { raw[Field.currency] = newValue }
    }
}
