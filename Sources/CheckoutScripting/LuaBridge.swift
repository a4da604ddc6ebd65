import Lua
import SmartTransactions

/// Converts between the API's JSON and Lua values, and reads the plain tables the checkout
/// model exports.
///
/// JSON objects become tables with string keys, arrays become sequences, `null` becomes `nil`
/// (absent). Integers stay integers both ways; a Lua float becomes a JSON double.
enum LuaBridge {
    /// Pushes the Lua value of `json` straight onto the stack: objects become tables with string
    /// keys (members that are `null` are left out), arrays sequences, `null` `nil`; integers
    /// stay integers.
    static func push(_ json: JSONValue, to writer: inout LuaWriter) {
        switch json {
        case .null: writer.pushNil()
        case .bool(let value): writer.push(value)
        case .int(let value): writer.push(value)
        case .double(let value): writer.push(value)
        case .string(let value): writer.push(value)
        case .array(let items):
            writer.pushTable(sequenceCount: items.count, fieldCount: 0) { table in
                for (offset, item) in items.enumerated() { table.set(offset + 1) { push(item, to: &$0) } }
            }
        case .object(let object):
            writer.pushTable(sequenceCount: 0, fieldCount: object.count) { table in
                let keys = object.keys, values = object.values
                for index in keys.indices {
                    let value = values[index]
                    if case .null = value { continue }
                    table.set(keys[index]) { push(value, to: &$0) }
                }
            }
        }
    }

    /// The JSON value of a Lua value: a table with only a sequence part becomes an array,
    /// any other table an object with its string keys (sorted, for stable output).
    static func json(_ value: LuaValue) -> JSONValue {
        switch value {
        case .nil: return .null
        case .boolean(let b): return .bool(b)
        case .integer(let i): return .int(i)
        case .number(let d): return .double(d)
        case .string(let s): return .string(text(s))
        case .table(let table):
            if table.fields.isEmpty { return .array(table.sequence.map(json)) }
            var object = JSONObject()
            let keyed = table.fields.compactMap { key, value -> (String, LuaValue)? in
                guard case .string(let name) = key else { return nil }
                return (text(name), value)
            }
            for (key, item) in keyed.sorted(by: { $0.0 < $1.0 }) { object[key] = json(item) }
            return .object(object)
        }
    }

    /// A Lua string as Swift text; invalid UTF-8 is repaired with U+FFFD.
    static func text(_ string: LuaString) -> String {
        string.string ?? String(decoding: string.bytes, as: UTF8.self)
    }
}

extension LuaValue {
    /// The field `key` of a table, or `nil`.
    subscript(field key: String) -> LuaValue {
        guard case .table(let table) = self else { return .nil }
        return table.fields[.string(LuaString(key))] ?? .nil
    }

    /// The sequence part of a table, or `[]`.
    var items: [LuaValue] {
        guard case .table(let table) = self else { return [] }
        return table.sequence
    }

    /// The value as text, if it is a string.
    var textValue: String? {
        if case .string(let s) = self { return LuaBridge.text(s) }
        return nil
    }
}
