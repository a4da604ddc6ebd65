/// An ident's loyalty card, `loyalty.merchantcards` (`MCD_…`); amounts in cents.
public struct MerchantCard: JSONModel {
    private var raw: JSONObject

    private enum Field {
        static let object = JSONField<String>.string("object")
        static let id = JSONField<String>.string("id")
        static let balance = JSONField<Int>.int("balance")
        static let cashBalance = JSONField<Int>.int("cash_balance")
        static let bonusBalance = JSONField<Int>.int("bonus_balance")
        static let points = JSONField<Int>.int("points")
        static let lockStatus = JSONField<String>.string("lock_status")
        static let stockStatus = JSONField<String>.string("stock_status")
        static let isBaseCard = JSONField<Bool>.bool("is_base_card")
        static let passcode = JSONField<Int>.lenientInt("passcode")
        static let all: [any ValidatingField] = [
            object, id, balance, cashBalance, bonusBalance, points, lockStatus, stockStatus, isBaseCard, passcode,
        ]
    }

    /// The card's JSON object, unknown keys included.
    public var json: JSONValue { .object(raw) }

    /// Decodes and validates a merchant card.
    /// - Parameters:
    ///   - json: The JSON object.
    ///   - path: Where it sits in its document, e.g. `$.idents[0].merchantcard`.
    /// - Throws: ``JSONDecodingError`` naming the first invalid member.
    public init(json: JSONValue, at path: String) throws(JSONDecodingError) {
        raw = try JSONRead.object(json, at: path)
        try raw.validate(Field.all, at: path)
    }

    /// `object`, `"loyalty.merchantcards"`.
    public var object: String? {
        get { raw[Field.object] }
        set { raw[Field.object] = newValue }
    }

    /// `id`, `MCD_…`.
    public var id: String? {
        get { raw[Field.id] }
        set { raw[Field.id] = newValue }
    }

    /// `balance`: cash plus bonus balance, in cents.
    public var balance: Int? {
        get { raw[Field.balance] }
        set { raw[Field.balance] = newValue }
    }

    /// `cash_balance`: loaded stored value, in cents.
    public var cashBalance: Int? {
        get { raw[Field.cashBalance] }
        set { raw[Field.cashBalance] = newValue }
    }

    /// `bonus_balance`: granted bonus, in cents.
    public var bonusBalance: Int? {
        get { raw[Field.bonusBalance] }
        set { raw[Field.bonusBalance] = newValue }
    }

    /// `points`.
    public var points: Int? {
        get { raw[Field.points] }
        set { raw[Field.points] = newValue }
    }

    /// `lock_status`: `locked` or `unlocked`.
    public var lockStatus: String? {
        get { raw[Field.lockStatus] }
        set { raw[Field.lockStatus] = newValue }
    }

    /// `stock_status`: `active`, `inactive` or `stored`.
    public var stockStatus: String? {
        get { raw[Field.stockStatus] }
        set { raw[Field.stockStatus] = newValue }
    }

    /// `is_base_card`.
    public var isBaseCard: Bool? {
        get { raw[Field.isBaseCard] }
        set { raw[Field.isBaseCard] = newValue }
    }

    /// `passcode`: 0–6, when a PIN check is required.
    public var passcode: Int? {
        get { raw[Field.passcode] }
        set { raw[Field.passcode] = newValue }
    }

    /// `card.cardnumber`: the printed card number.
    public var cardNumber: String? {
        raw["card"]?["cardnumber"]?.stringValue
    }
}
