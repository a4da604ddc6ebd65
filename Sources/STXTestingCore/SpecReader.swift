import CheckoutScripting
import Lua
import SmartTransactions

/// Turns the tables of a Lua rule spec into cases; every error names the path of the field.
struct SpecReader {
    let folder: String
    let now: String
    let limits: LuaLimits

    func specCase(_ value: LuaValue, at path: String) throws(TestInputError) -> SpecCase {
        let fields = try LuaFields(value, path: path)
        try fields.allowOnly(["name", "given", "expect", "limits"])
        let name = try fields.string("name") ?? path
        guard let given = try fields.table("given") else {
            throw TestInputError("\(path) needs given = { products = { ... } } or given = { transaction = \"file.json\" }")
        }
        let expect = try fields.table("expect") ?? LuaFields(table: LuaTable(sequence: [], fields: [:]), path: "\(path).expect")
        let caseLimits = try Self.limits(fields.table("limits"), base: limits)
        let (transaction, time) = try self.transaction(given)
        return SpecCase(
            name: name, transaction: transaction, now: time, limits: caseLimits, expectation: try expectation(expect))
    }

    // MARK: - given

    private func transaction(_ given: LuaFields) throws(TestInputError) -> (SmartTransaction, String) {
        try given.allowOnly(["transaction", "products", "card", "payment_method", "merchant", "currency", "now"])
        let time = try given.string("now") ?? now
        if let file = try given.string("transaction") {
            for key in ["products", "card", "payment_method", "merchant", "currency"] where given.has(key) {
                throw TestInputError("\(given.path) has both transaction and \(key): use one or the other")
            }
            return (try TransactionFile.load(file.hasPrefix("/") ? file : folder + "/" + file), time)
        }
        var builder = TransactionBuilder(
            merchant: try given.string("merchant") ?? "John's Bakery", currency: try given.string("currency") ?? "EUR")
        for (index, product) in (try given.list("products") ?? []).enumerated() {
            builder = try self.product(product, at: "\(given.path).products[\(index + 1)]", into: builder)
        }
        if let card = try given.table("card") { builder = try self.card(card, into: builder) }
        if let method = try given.string("payment_method") { builder = builder.paymentMethod(method) }
        return (try builder.build(), time)
    }

    private func product(_ value: LuaValue, at path: String, into builder: TransactionBuilder) throws(TestInputError) -> TransactionBuilder {
        let fields = try LuaFields(value, path: path)
        try fields.allowOnly(["desc", "priceOne", "quantity", "tax", "group", "ean", "articleNumber", "item_type", "topup"])
        if let load = try fields.integer("topup") {
            return builder.topUp(load, tax: try fields.integer("tax") ?? 0, desc: try fields.string("desc") ?? "Kartenaufladung")
        }
        guard let desc = try fields.string("desc"), let priceOne = try fields.integer("priceOne") else {
            throw TestInputError("\(path) needs desc and priceOne, e.g. { desc = \"Kaffee\", priceOne = 290, tax = 19 }")
        }
        return builder.product(
            desc, priceOne: priceOne, quantity: try fields.integer("quantity") ?? 1, tax: try fields.integer("tax") ?? 19,
            group: try fields.string("group"), ean: try fields.string("ean"),
            articleNumber: try fields.string("articleNumber"), itemType: try fields.string("item_type") ?? "article")
    }

    private func card(_ fields: LuaFields, into builder: TransactionBuilder) throws(TestInputError) -> TransactionBuilder {
        try fields.allowOnly(["number", "cash_balance", "bonus_balance", "points", "locked", "valid"])
        return builder.card(
            try fields.string("number") ?? TransactionBuilder.defaultCardNumber,
            cashBalance: try fields.integer("cash_balance") ?? 0, bonusBalance: try fields.integer("bonus_balance") ?? 0,
            points: try fields.integer("points") ?? 0, locked: try fields.bool("locked") ?? false,
            valid: try fields.bool("valid") ?? true)
    }

    // MARK: - expect

    private func expectation(_ fields: LuaFields) throws(TestInputError) -> SpecExpectation {
        try fields.allowOnly(["sum", "coupons", "basket", "receipt", "payment_method", "rejected", "error", "limit"])
        var expectation = SpecExpectation(
            sum: try fields.integer("sum"), coupons: try lines(fields, "coupons", coupon: true),
            basket: try lines(fields, "basket", coupon: false), receipt: try texts(fields, "receipt"),
            paymentMethod: try fields.string("payment_method"))
        let stops = ["rejected", "error", "limit"].filter(fields.has)
        if stops.count > 1 {
            throw TestInputError("\(fields.path) expects \(stops.joined(separator: " and ")): a checkout ends in one way only")
        }
        expectation.stop = try stop(fields)
        return expectation
    }

    private func stop(_ fields: LuaFields) throws(TestInputError) -> SpecExpectation.Stop? {
        switch fields.value("rejected") {
        case .nil: break
        case .boolean(true): return .rejected(nil)
        case .string: return .rejected(try fields.string("rejected"))
        default: throw TestInputError("\(fields.path).rejected must be true or a text the rejection message contains")
        }
        if let text = try fields.string("error") { return .scriptError(text) }
        switch fields.value("limit") {
        case .nil: return nil
        case .boolean(true): return .limit(nil)
        default:
            guard let name = try fields.string("limit"), let kind = CheckoutError.LimitKind(rawValue: name) else {
                throw TestInputError("\(fields.path).limit must be true, \"instructions\", \"memory\", \"time\" or \"output\"")
            }
            return .limit(kind)
        }
    }

    private func lines(_ fields: LuaFields, _ key: String, coupon: Bool) throws(TestInputError) -> [BasketLine]? {
        guard let list = try fields.list(key) else { return nil }
        var lines: [BasketLine] = []
        for (index, value) in list.enumerated() {
            let line = try LuaFields(value, path: "\(fields.path).\(key)[\(index + 1)]")
            try line.allowOnly(["desc", "quantity", "priceOne", "tax", "item_type"])
            guard let desc = try line.string("desc"), let priceOne = try line.integer("priceOne"), let tax = try line.integer("tax") else {
                throw TestInputError("\(line.path) needs desc, priceOne and tax")
            }
            let type = try line.string("item_type") ?? (coupon ? "coupon" : "article")
            lines.append(BasketLine(desc, quantity: try line.integer("quantity") ?? 1, priceOne: priceOne, tax: tax, itemType: type))
        }
        return lines
    }

    private func texts(_ fields: LuaFields, _ key: String) throws(TestInputError) -> [String]? {
        guard let list = try fields.list(key) else { return nil }
        var texts: [String] = []
        for (index, value) in list.enumerated() {
            guard let text = value.stringValue else {
                throw TestInputError("\(fields.path).\(key)[\(index + 1)] must be a string")
            }
            texts.append(text)
        }
        return texts
    }

    // MARK: - limits

    static func limits(_ fields: LuaFields?, base: LuaLimits) throws(TestInputError) -> LuaLimits {
        guard let fields else { return base }
        try fields.allowOnly(["max_instructions", "max_memory", "timeout_ms"])
        var limits = base
        if let value = try fields.integer("max_instructions") { limits.maxInstructions = value }
        if let value = try fields.integer("max_memory") { limits.maxMemory = value }
        if let value = try fields.integer("timeout_ms") { limits.timeout = .milliseconds(value) }
        guard limits.maxInstructions > 0, limits.maxMemory >= 65_536, limits.timeout > .zero else {
            throw TestInputError("\(fields.path): limits must be positive (max_memory at least 65536 bytes)")
        }
        return limits
    }
}
