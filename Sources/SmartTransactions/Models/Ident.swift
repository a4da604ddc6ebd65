/// An ident of the transaction (`smart.idents`, e.g. a loyalty card), with its merchant card.
public struct Ident: JSONModel {
    private var raw: JSONObject

    private enum Field {
        static let object = JSONField<String>.string("object")
        static let id = JSONField<String>.string("id")
        static let prefix = JSONField<String>.lenientString("prefix")
        static let name = JSONField<String>.string("name")
        static let type = JSONField<String>.string("type")
        static let value = JSONField<String>.lenientString("value")
        static let valid = JSONField<Bool>.bool("valid")
        static let merchantcard = JSONField<MerchantCard>.model("merchantcard")
        static let all: [any ValidatingField] = [object, id, prefix, name, type, value, valid, merchantcard]
    }

    /// The ident's JSON object, unknown keys included.
    public var json: JSONValue { .object(raw) }

    /// Decodes and validates an ident.
    /// - Parameters:
    ///   - json: The JSON object.
    ///   - path: Where it sits in its document, e.g. `$.idents[0]`.
    /// - Throws: ``JSONDecodingError`` naming the first invalid member.
    public init(json: JSONValue, at path: String) throws(JSONDecodingError) {
        raw = try JSONRead.object(json, at: path)
        try raw.validate(Field.all, at: path)
    }

    /// A new ident as a request sends it: `{type, value}`.
    /// - Parameters:
    ///   - type: `card` (with the card number) or `create_card` (with a `CRG_…` card group).
    ///   - value: The card number or card group.
    public init(type: String, value: String) {
        raw = JSONObject()
        self.type = type
        self.value = value
    }

    /// `object`, `"smart.idents"`.
    public var object: String? {
        get { raw[Field.object] }
        set { raw[Field.object] = newValue }
    }

    /// `id`, e.g. `smi_1`.
    public var id: String? {
        get { raw[Field.id] }
        set { raw[Field.id] = newValue }
    }

    /// `prefix`: the card number's prefix, e.g. `"9276"`.
    public var prefix: String? {
        get { raw[Field.prefix] }
        set { raw[Field.prefix] = newValue }
    }

    /// `name`, e.g. `"secucard Kundenkarte"`.
    public var name: String? {
        get { raw[Field.name] }
        set { raw[Field.name] = newValue }
    }

    /// `type`: `card`, `create_card`, or legacy `checkin`.
    public var type: String? {
        get { raw[Field.type] }
        set { raw[Field.type] = newValue }
    }

    /// `value`: the card number (or card group for `create_card`).
    public var value: String? {
        get { raw[Field.value] }
        set { raw[Field.value] = newValue }
    }

    /// `valid`: whether the API accepted the card.
    public var valid: Bool? {
        get { raw[Field.valid] }
        set { raw[Field.valid] = newValue }
    }

    /// `merchantcard`: the loyalty card with its balances.
    public var merchantcard: MerchantCard? {
        get { raw[Field.merchantcard] }
        set { raw[Field.merchantcard] = newValue }
    }
}
