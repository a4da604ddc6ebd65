import Foundation

/// A Smart Transaction (`smart.transactions`): a response of the API or a create/update body.
///
/// The transaction *is* its JSON object (``json``): the typed properties read and write it, so
/// encoding a decoded transaction gives back every key it had, unknown ones and explicit
/// `null`s included, in the same order, plus the changes made through the properties. A
/// property whose value did not change leaves its JSON exactly as the API sent it (e.g.
/// `trans_id` as a string).
public struct SmartTransaction: JSONModel {
    private var raw: JSONObject

    private enum Field {
        static let object = JSONField<String>.string("object")
        static let id = JSONField<String>.string("id")
        static let status = JSONField<TransactionStatus>.openEnum("status")
        static let created = JSONField<String>.string("created")
        static let updated = JSONField<String>.string("updated")
        static let merchant = JSONField<Merchant>.model("merchant")
        static let transactionRef = JSONField<String>.lenientString("transactionRef")
        static let merchantRef = JSONField<String>.lenientString("merchantRef")
        static let intent = JSONField<String>.string("intent")
        static let paymentMethod = JSONField<PaymentMethod>.openEnum("payment_method")
        static let isDemo = JSONField<Bool>.bool("is_demo")
        static let basket = JSONField<Basket>.model("basket")
        static let basketInfo = JSONField<BasketInfo>.model("basket_info")
        static let idents = JSONField<[Ident]>.models("idents")
        static let receipt = JSONField<[ReceiptLine]>.models("receipt")
        static let receiptMerchant = JSONField<[ReceiptLine]>.models("receipt_merchant")
        static let receiptNumber = JSONField<Int>.lenientInt("receipt_number")
        static let transID = JSONField<Int>.lenientInt("trans_id")
        static let transactions = JSONField<[ObjectReference]>.models("transactions")
        static let all: [any ValidatingField] = [
            object, id, status, created, updated, merchant, transactionRef, merchantRef, intent, paymentMethod,
            isDemo, basket, basketInfo, idents, receipt, receiptMerchant, receiptNumber, transID, transactions,
        ]
    }

    /// The transaction's JSON object: what was decoded, plus the changes made since.
    public var json: JSONValue { .object(raw) }

    /// An empty transaction, `{}`.
    public init() {
        raw = JSONObject()
    }

    /// Decodes and validates a transaction.
    /// - Parameters:
    ///   - json: The transaction's JSON object.
    ///   - path: Where it sits in its document (`$` for a document of its own).
    /// - Throws: ``JSONDecodingError`` naming the path of the first invalid member, e.g.
    ///   `$.basket.products[2].priceOne: expected a whole number, got 15.5 …`.
    public init(json: JSONValue, at path: String) throws(JSONDecodingError) {
        raw = try JSONRead.object(json, at: path)
        try raw.validate(Field.all, at: path)
    }

    /// A transaction whose members were validated one by one: for the checkout's merge, which
    /// starts from a valid transaction, validates only what the hooks changed
    /// (``validateMembers(_:of:)`` and the models of new products) and must not pay for a second
    /// pass over every product.
    /// - Parameter object: The transaction's JSON object; every member must be valid.
    package init(membersValidated object: JSONObject) {
        raw = object
    }

    /// Validates the members `keys` of a transaction's JSON object, and no others.
    /// - Parameters:
    ///   - keys: The members to check.
    ///   - object: The transaction's JSON object.
    /// - Throws: ``JSONDecodingError`` naming the path of the first invalid member.
    package static func validateMembers(_ keys: [String], of object: JSONObject) throws(JSONDecodingError) {
        try object.validate(Field.all.filter { keys.contains($0.key) }, at: JSONPath.root)
    }

    /// Parses and validates a transaction from JSON text.
    /// - Parameter jsonData: UTF-8 JSON text.
    /// - Throws: ``JSONDecodingError`` naming the path of the first problem.
    public init(jsonData: Data) throws(JSONDecodingError) {
        try self.init(json: JSON.parse(jsonData))
    }

    /// Sets (or, with `nil`, removes) the member `key`, then validates it (the other members were
    /// valid already): the way to change keys without a typed property.
    /// - Parameters:
    ///   - value: The new value.
    ///   - key: The member's key.
    /// - Throws: ``JSONDecodingError`` when the new value is invalid; the transaction is unchanged then.
    public mutating func setValue(_ value: JSONValue?, forKey key: String) throws(JSONDecodingError) {
        var changed = raw
        changed[key] = value
        try Self.validateMembers([key], of: changed)
        raw = changed
    }

    // MARK: - Identity and state

    /// `object`, `"smart.transactions"`.
    public var object: String? {
        get { raw[Field.object] }
        set { raw[Field.object] = newValue }
    }

    /// `id`, `STX_…`.
    public var id: String? {
        get { raw[Field.id] }
        set { raw[Field.id] = newValue }
    }

    /// `status`.
    public var status: TransactionStatus? {
        get { raw[Field.status] }
        set { raw[Field.status] = newValue }
    }

    /// `created`: ISO-8601 with offset.
    public var created: String? {
        get { raw[Field.created] }
        set { raw[Field.created] = newValue }
    }

    /// `updated`: ISO-8601 with offset.
    public var updated: String? {
        get { raw[Field.updated] }
        set { raw[Field.updated] = newValue }
    }

    /// `merchant`: an object in responses, an id string in request bodies.
    public var merchant: Merchant? {
        get { raw[Field.merchant] }
        set { raw[Field.merchant] = newValue }
    }

    /// `transactionRef`: the bank-statement purpose.
    public var transactionRef: String? {
        get { raw[Field.transactionRef] }
        set { raw[Field.transactionRef] = newValue }
    }

    /// `merchantRef`: the merchant's reference.
    public var merchantRef: String? {
        get { raw[Field.merchantRef] }
        set { raw[Field.merchantRef] = newValue }
    }

    /// `intent`: `sale` or `order`.
    public var intent: String? {
        get { raw[Field.intent] }
        set { raw[Field.intent] = newValue }
    }

    /// `payment_method`.
    public var paymentMethod: PaymentMethod? {
        get { raw[Field.paymentMethod] }
        set { raw[Field.paymentMethod] = newValue }
    }

    /// `is_demo`.
    public var isDemo: Bool? {
        get { raw[Field.isDemo] }
        set { raw[Field.isDemo] = newValue }
    }

    // MARK: - Basket and idents

    /// `basket`.
    public var basket: Basket? {
        get { raw[Field.basket] }
        set { raw[Field.basket] = newValue }
    }

    /// `basket_info`.
    public var basketInfo: BasketInfo? {
        get { raw[Field.basketInfo] }
        set { raw[Field.basketInfo] = newValue }
    }

    /// `idents`; `[]` when absent.
    public var idents: [Ident] {
        get { raw[Field.idents, default: []] }
        set { raw[Field.idents, default: []] = newValue }
    }

    // MARK: - Payment results

    /// `receipt`: the customer receipt. Lines that stay unchanged keep the JSON the API sent.
    public var receipt: [ReceiptLine]? {
        get { raw[Field.receipt] }
        set { setReceipt(newValue, field: Field.receipt) }
    }

    /// `receipt_merchant`: the merchant's copy. Lines that stay unchanged keep the JSON the API sent.
    public var receiptMerchant: [ReceiptLine]? {
        get { raw[Field.receiptMerchant] }
        set { setReceipt(newValue, field: Field.receiptMerchant) }
    }

    /// `receipt_number` (a number; strings of digits are accepted).
    public var receiptNumber: Int? {
        get { raw[Field.receiptNumber] }
        set { raw[Field.receiptNumber] = newValue }
    }

    /// `trans_id`: the TA code (a number; strings of digits are accepted).
    public var transID: Int? {
        get { raw[Field.transID] }
        set { raw[Field.transID] = newValue }
    }

    /// `transactions`: references to the payment or loyalty transactions made.
    public var transactions: [ObjectReference]? {
        get { raw[Field.transactions] }
        set { raw[Field.transactions] = newValue }
    }

    private mutating func setReceipt(_ lines: [ReceiptLine]?, field: JSONField<[ReceiptLine]>) {
        guard raw[field] != lines else { return }
        guard let lines else { return raw[field] = nil }
        raw[field.key] = ReceiptLine.json(of: lines, reusing: raw[field.key])
    }
}
