import SmartTransactions

/// Everything the emulator keeps, changed only under its lock: transactions, loyalty cards and
/// the deterministic counters. Each method is one API call.
struct EmulatorState {
    /// A card's balance change made by a start, undone by a cancel.
    private struct CardChange {
        var number: String
        var cash: Int
        var bonus: Int
    }

    /// Keys the API assigns; a create or update body's values for them are ignored.
    private static let serverOwnedKeys: Set<String> = [
        "object", "id", "status", "created", "updated", "receipt", "receipt_merchant", "receipt_number", "trans_id", "transactions",
    ]

    private var random: SplitMix64
    private var transactions: [String: SmartTransaction] = [:]
    private var idsByReceiptNumber: [Int: String] = [:]
    private var cards: [String: LoyaltyCard] = [:]
    private var cardChanges: [String: [CardChange]] = [:]
    private var nextTransID: Int
    private var nextReceiptNumber: Int
    private let merchantID: String

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        nextTransID = random.number(in: 20_000_000...29_999_999)
        nextReceiptNumber = random.number(in: 1000...9999)
        merchantID = random.id("MRC")
    }

    // MARK: - Calls

    mutating func create(_ body: JSONValue, now: String) throws(APIErrorPayload) -> SmartTransaction {
        let id = random.id("STX")
        let tx = try transaction(from: body, id: id, created: now, previous: nil)
        transactions[id] = tx
        return tx
    }

    mutating func get(_ id: String) throws(APIErrorPayload) -> SmartTransaction {
        guard let tx = transactions[id] else { throw EmulatorError.notFound("Die Transaktion \(id)", supportID: supportID()) }
        return tx
    }

    mutating func update(_ id: String, _ body: JSONValue, now: String) throws(APIErrorPayload) -> SmartTransaction {
        let stored = try get(id)
        try require(stored, in: [.created, .processing], to: "update")
        var tx = try transaction(from: body, id: id, created: stored.created ?? now, previous: stored)
        tx.updated = now
        transactions[id] = tx
        return tx
    }

    mutating func preTransaction(_ id: String, now: String) throws(APIErrorPayload) -> JSONValue {
        var tx = try get(id)
        try require(tx, in: [.created, .processing], to: "apply a card to")
        let sum = tx.basketInfo?.sum ?? 0
        let payable = max(0, sum - (try topUpTotal(of: tx)))
        let credit = cardNumbers(of: tx).first.flatMap { cards[$0]?.balance } ?? 0
        tx.status = .processing
        tx.updated = now
        transactions[id] = tx
        return ["missing_sum": .int(sum - min(max(credit, 0), payable)), "bonus_products": []]
    }

    mutating func start(_ id: String, method name: String, now: String) throws(APIErrorPayload) -> SmartTransaction {
        var tx = try get(id)
        let method = PaymentMethod(rawValue: name)
        if case .unknown = method {
            let known = PaymentMethod.allCases.map(\.rawValue).joined(separator: ", ")
            throw EmulatorError.invalidBody("Unknown payment method \"\(name)\": use one of \(known)", supportID: supportID())
        }
        try require(tx, in: [.created, .processing], to: "start")
        tx.paymentMethod = method
        tx.updated = now
        tx = try pay(tx, method: method)
        transactions[id] = tx
        return tx
    }

    mutating func cancel(_ id: String, now: String) throws(APIErrorPayload) -> SmartTransaction {
        var tx = try get(id)
        try require(tx, in: [.ok, .failed], to: "cancel")
        for change in cardChanges.removeValue(forKey: id) ?? [] {
            cards[change.number]?.cashBalance -= change.cash
            cards[change.number]?.bonusBalance -= change.bonus
        }
        tx.status = .cancelled
        tx.updated = now
        transactions[id] = tx
        return tx
    }

    mutating func cancelTrx(receiptNumber: Int, now: String) throws(APIErrorPayload) -> SmartTransaction {
        guard let id = idsByReceiptNumber[receiptNumber] else {
            throw EmulatorError.notFound("Der Beleg \(receiptNumber)", supportID: supportID())
        }
        return try cancel(id, now: now)
    }

    // MARK: - Paying

    /// Books the payment: `failed` for a loyalty payment the card cannot cover, otherwise `ok`
    /// with TA code, receipt number, references, card balances and the receipt.
    private mutating func pay(_ paying: SmartTransaction, method: PaymentMethod) throws(APIErrorPayload) -> SmartTransaction {
        var tx = paying
        let sum = tx.basketInfo?.sum ?? 0
        let topUp = try topUpTotal(of: tx)
        let numbers = cardNumbers(of: tx)
        try checkTopUp(topUp, cards: numbers, currency: currency(of: tx))
        if method == .loyalty && (numbers.first.flatMap { cards[$0]?.balance } ?? 0) < sum {
            tx.status = .failed
            tx.receipt = []
            return tx
        }
        let before = numbers.compactMap { cards[$0] }
        let transID = nextCode()
        tx.receipt = book(sum: sum, topUp: topUp, cards: numbers, method: method, transID: transID, currency: currency(of: tx))
        recordCardChanges(since: before, for: tx.id ?? "")
        tx.idents = tx.idents.map(refreshed)
        tx.status = .ok
        tx.transID = transID
        tx.receiptNumber = nextReceiptNumber
        idsByReceiptNumber[nextReceiptNumber] = tx.id
        nextReceiptNumber += 1
        tx.transactions = references(cards: numbers.count, method: method)
        return tx
    }

    /// Refuses a top-up without a card, or one that would take the card beyond its limit.
    private mutating func checkTopUp(_ topUp: Int, cards numbers: [String], currency: String) throws(APIErrorPayload) {
        guard topUp > 0 else { return }
        guard let first = numbers.first, let card = cards[first] else {
            throw EmulatorError.invalidBody(
                "A top-up line (EAN \(BasketProduct.topUpEAN)) needs a loyalty card: add an ident {\"type\": \"card\", \"value\": <card number>}",
                supportID: supportID())
        }
        if topUp > LoyaltyCard.maximumBalance - card.cashBalance {
            throw EmulatorError.invalidBody(
                "Loading \(Money.format(topUp, currency: currency)) would take card \(first) above the limit of \(Money.format(LoyaltyCard.maximumBalance, currency: currency))",
                supportID: supportID())
        }
    }

    /// Books the sale on the cards (a loyalty payment from the first card, a top-up onto it) and
    /// returns the receipt: a section per card and one for the top-up, or a plain receipt.
    private mutating func book(
        sum: Int, topUp: Int, cards numbers: [String], method: PaymentMethod, transID: Int, currency: String
    ) -> [ReceiptLine] {
        guard let first = numbers.first else {
            return ReceiptBuilder.plain(method: method, transID: transID, amount: sum, currency: currency)
        }
        if method == .loyalty { cards[first]?.debit(sum) }
        var receipt = numbers.flatMap { number in
            ReceiptBuilder.cardSale(card: number, transID: transID, amount: sum, balance: cards[number]?.balance ?? 0, currency: currency)
        }
        if topUp > 0 {
            cards[first]?.cashBalance += topUp
            receipt += ReceiptBuilder.cardLoad(card: first, transID: nextCode(), amount: topUp,
                                               balance: cards[first]?.balance ?? 0, currency: currency)
        }
        return receipt
    }

    private mutating func recordCardChanges(since before: [LoyaltyCard], for id: String) {
        cardChanges[id] = before.compactMap { old in
            cards[old.number].map { CardChange(number: old.number, cash: $0.cashBalance - old.cashBalance, bonus: $0.bonusBalance - old.bonusBalance) }
        }
    }

    private mutating func references(cards count: Int, method: PaymentMethod) -> [ObjectReference] {
        var references = (0..<count).map { _ in ObjectReference(object: "loyalty.transactions", id: random.id("LTX")) }
        if method != .cash && method != .loyalty {
            references.append(ObjectReference(object: "payment.transactions", id: random.id("PCI")))
        }
        return references
    }

    // MARK: - Building transactions

    /// The stored transaction for a create or update body: the body's keys after the ones the
    /// API assigns, idents completed with their cards, the basket's `type` and `texts` defaulted.
    private mutating func transaction(
        from body: JSONValue, id: String, created: String, previous: SmartTransaction?
    ) throws(APIErrorPayload) -> SmartTransaction {
        let request = try validated(body)
        var object: JSONObject = ["object": "smart.transactions", "id": .string(id), "created": .string(created), "status": "created"]
        for (key, value) in request.json.objectValue ?? JSONObject() where !Self.serverOwnedKeys.contains(key) {
            object[key] = value
        }
        if var basket = object["basket"]?.objectValue {
            basket["texts"] = basket["texts"] ?? []
            basket["type"] = basket["type"] ?? "default"
            object["basket"] = .object(basket)
        }
        var tx: SmartTransaction
        do {
            tx = try SmartTransaction(json: .object(object))
        } catch {
            throw EmulatorError.invalidBody(error.description, supportID: supportID())
        }
        tx.merchant = merchant(request.merchant ?? previous?.merchant)
        var idents: [Ident] = []
        for (index, ident) in tx.idents.enumerated() { idents.append(try completed(ident, number: index + 1)) }
        tx.idents = idents
        return tx
    }

    /// The body as a transaction whose basket the API would accept.
    private mutating func validated(_ body: JSONValue) throws(APIErrorPayload) -> SmartTransaction {
        let tx: SmartTransaction
        do {
            tx = try SmartTransaction(json: body)
        } catch {
            throw EmulatorError.invalidBody(error.description, supportID: supportID())
        }
        if tx.basket?.products.isEmpty ?? true {
            throw EmulatorError.invalidBody("basket.products is empty: add at least one product", supportID: supportID())
        }
        if (tx.basketInfo?.currency ?? "").isEmpty {
            throw EmulatorError.invalidBody("basket_info.currency is missing: send an ISO 4217 code such as \"EUR\"", supportID: supportID())
        }
        if let violation = BasketValidator.violations(of: tx, original: nil).first {
            throw EmulatorError.invalidBody(violation.description, supportID: supportID())
        }
        return tx
    }

    private func merchant(_ requested: Merchant?) -> Merchant? {
        let json: JSONValue = ["object": "general.merchants", "id": .string(requested?.id ?? merchantID)]
        var merchant = try? Merchant(json: json)
        merchant?.companyname = requested?.companyname ?? (requested == nil ? "stx emulator" : nil)
        return merchant
    }

    /// The ident as the API returns it: numbered, and for a card its merchant card (created
    /// on first use, with the balances the request gave, if any).
    private mutating func completed(_ requested: Ident, number: Int) throws(APIErrorPayload) -> Ident {
        var ident = requested
        ident.object = "smart.idents"
        ident.id = "smi_\(number)"
        guard ident.type == "card", let value = ident.value, Self.isCardNumber(value) else {
            ident.valid = false
            return ident
        }
        if cards[value] == nil {
            let given = requested.merchantcard
            let balances = [given?.cashBalance ?? 0, given?.bonusBalance ?? 0]
            guard balances.allSatisfy({ (0...LoyaltyCard.maximumBalance).contains($0) }) else {
                throw EmulatorError.invalidBody(
                    "idents[\(number - 1)].merchantcard: balances must be between 0 and \(LoyaltyCard.maximumBalance) cents",
                    supportID: supportID())
            }
            cards[value] = LoyaltyCard(
                number: value, merchantCardID: random.id("MCD"), cardID: random.id("CRD"),
                cashBalance: balances[0], bonusBalance: balances[1], points: given?.points ?? 0)
        }
        ident.prefix = String(value.prefix(4))
        ident.name = ident.name ?? "secucard Kundenkarte"
        ident.valid = true
        return refreshed(ident)
    }

    /// The ident with its merchant card's current balances.
    private func refreshed(_ ident: Ident) -> Ident {
        guard ident.valid == true, let number = ident.value, let card = cards[number] else { return ident }
        var ident = ident
        ident.merchantcard = try? MerchantCard(json: card.json)
        return ident
    }

    // MARK: - Helpers

    private static func isCardNumber(_ value: String) -> Bool {
        (8...19).contains(value.count) && value.allSatisfy { ("0"..."9").contains($0) }
    }

    /// The distinct card numbers of the valid card idents, in order.
    private func cardNumbers(of tx: SmartTransaction) -> [String] {
        var seen: Set<String> = []
        return tx.idents.filter { $0.type == "card" && $0.valid == true }.compactMap(\.value)
            .filter { cards[$0] != nil && seen.insert($0).inserted }
    }

    private mutating func topUpTotal(of tx: SmartTransaction) throws(APIErrorPayload) -> Int {
        do {
            return try Basket(products: (tx.basket?.products ?? []).filter { $0.isTopUp && $0.itemType != .coupon }).total()
        } catch {
            throw EmulatorError.invalidBody(error.message, supportID: supportID())
        }
    }

    private func currency(of tx: SmartTransaction) -> String {
        tx.basketInfo?.currency ?? "EUR"
    }

    private mutating func nextCode() -> Int {
        defer { nextTransID += 1 }
        return nextTransID
    }

    private mutating func require(_ tx: SmartTransaction, in allowed: [TransactionStatus], to action: String) throws(APIErrorPayload) {
        guard let status = tx.status, allowed.contains(status) else {
            let status = tx.status?.rawValue ?? "without a status"
            let allowedNames = allowed.map(\.rawValue).joined(separator: " or ")
            throw EmulatorError.invalidState(
                "Cannot \(action) transaction \(tx.id ?? "") with status \(status): only a \(allowedNames) transaction can be",
                supportID: supportID())
        }
    }

    /// A support id for an error payload, as the API sends one: 32 hex digits.
    private mutating func supportID() -> String {
        let high = String(random.next(), radix: 16)
        let low = String(random.next(), radix: 16)
        return String(repeating: "0", count: 16 - high.count) + high + String(repeating: "0", count: 16 - low.count) + low
    }
}
