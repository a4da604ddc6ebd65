import Lua
import SmartTransactions

/// Reads the audit trail the checkout model recorded (a sequence of plain tables).
enum AuditReader {
    static func entries(_ trail: LuaValue) -> [AuditEntry] {
        trail.items.compactMap(entry)
    }

    private static let order = [
        "product", "desc", "field", "old", "new", "label", "amount", "base", "coupons", "priceOne",
        "quantity", "message", "type", "text", "index",
    ]

    private static func entry(_ value: LuaValue) -> AuditEntry? {
        guard let name = value[field: "action"].textValue, let action = AuditEntry.Action(rawValue: name) else {
            return nil
        }
        var details = JSONObject()
        for key in order {
            let detail = value[field: key]
            if detail != .nil { details[key] = LuaBridge.json(detail) }
        }
        return AuditEntry(
            hook: value[field: "hook"].textValue ?? "?", line: value[field: "line"].textValue ?? "?",
            action: action, details: details)
    }
}
