import SmartTransactions

/// One change a hook made, or one reason a rule did not apply (`explain`).
public struct AuditEntry: Sendable, Equatable {
    /// What happened.
    public enum Action: String, Sendable, Equatable {
        case add, remove, set, discount, explain, reject
        case receiptLine = "receipt_line"
        case receiptRemove = "receipt_remove"
    }

    /// The hook that made the change (`on_basket`, `on_topup`, `on_receipt`).
    public var hook: String
    /// The script line, e.g. `checkout.lua:12`.
    public var line: String
    /// What happened.
    public var action: Action
    /// Every recorded detail (product, desc, field, old, new, label, amount, base, coupons, message,
    /// type, text, index), as JSON values.
    public var details: JSONObject

    /// Creates an entry.
    public init(hook: String, line: String, action: Action, details: JSONObject = JSONObject()) {
        self.hook = hook
        self.line = line
        self.action = action
        self.details = details
    }

    /// The entry as one JSON object: `hook`, `line`, `action`, then the details.
    public var json: JSONValue {
        var object = JSONObject()
        object["hook"] = .string(hook)
        object["line"] = .string(line)
        object["action"] = .string(action.rawValue)
        for (key, value) in details { object[key] = value }
        return .object(object)
    }

    /// One readable line, amounts in the basket's currency.
    public func summary(currency: String = "EUR") -> String {
        func text(_ key: String) -> String { details[key].map(Self.describe) ?? "" }
        func money(_ key: String) -> String {
            guard case .int(let cents)? = details[key] else { return text(key) }
            return Money.format(cents, currency: currency)
        }
        let product = "product \(text("product")) \"\(text("desc"))\""
        switch action {
        case .add: return "added \(product): \(text("quantity")) × \(money("priceOne"))"
        case .remove: return "removed \(product)"
        case .set where details["product"] != nil:
            return "\(product): \(text("field")) \(text("old")) → \(text("new"))"
        case .set: return "tx.\(text("field")): \(text("old")) → \(text("new"))"
        case .discount:
            return "discount \"\(text("label"))\": -\(money("amount")) on a base of \(money("base"))"
        case .explain: return "explain \"\(text("label"))\": \(text("message"))"
        case .reject: return "rejected: \(text("message"))"
        case .receiptLine where details["text"] == nil: return "receipt \(text("type"))"
        case .receiptLine: return "receipt \(text("type")): \(text("text"))"
        case .receiptRemove: return "receipt line \(text("index")) removed"
        }
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "nil"
        case .bool(let b): return String(b)
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return s
        case .array(let items): return items.map(describe).joined(separator: ", ")
        case .object: return "{…}"
        }
    }
}
