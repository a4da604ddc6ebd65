import Lua
import SmartTransactions

/// Reads the audit trail the checkout model recorded (a sequence of plain tables).
enum AuditReader {
    static func entries(_ trail: LuaValue) -> [AuditEntry] {
        trail.items.compactMap(entry)
    }

    /// The details an entry may carry, in the order they are reported.
    private static let order = [
        "product", "desc", "field", "old", "new", "label", "amount", "base", "coupons", "priceOne",
        "quantity", "message", "type", "text", "index",
    ]

    /// One entry, read in one pass over its fields; an entry without a known action is skipped.
    private static func entry(_ value: LuaValue) -> AuditEntry? {
        guard case .table(let table) = value else { return nil }
        var action: AuditEntry.Action?
        var hook = "?", line = "?"
        var details: [(rank: Int, key: String, value: JSONValue)] = []
        for case (.string(let name), let detail) in table.fields {
            let key = LuaBridge.text(name)
            switch key {
            case "action": action = detail.textValue.flatMap(AuditEntry.Action.init(rawValue:))
            case "hook": hook = detail.textValue ?? "?"
            case "line": line = detail.textValue ?? "?"
            default:
                if let rank = order.firstIndex(of: key) { details.append((rank, key, LuaBridge.json(detail))) }
            }
        }
        guard let action else { return nil }
        details.sort { $0.rank < $1.rank }
        return AuditEntry(
            hook: hook, line: line, action: action, details: JSONObject(details.map { ($0.key, $0.value) }))
    }
}
