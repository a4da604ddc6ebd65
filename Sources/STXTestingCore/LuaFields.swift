import Lua

/// Typed reading of a Lua table from a spec file; errors name the path (`cases[2].expect.sum`)
/// and say what was expected.
struct LuaFields {
    let table: LuaTable
    let path: String

    init(table: LuaTable, path: String) {
        self.table = table
        self.path = path
    }

    init(_ value: LuaValue, path: String) throws(TestInputError) {
        guard case .table(let table) = value else {
            throw TestInputError("\(path) must be a table, got \(Self.typeName(value))")
        }
        self.table = table
        self.path = path
    }

    /// Fails on keys outside `allowed` (typos must not pass silently).
    func allowOnly(_ allowed: [String]) throws(TestInputError) {
        for key in table.fields.keys {
            guard case .string(let name) = key, let text = name.string, allowed.contains(text) else {
                throw TestInputError("\(path) has an unknown key \(Self.typeName(key)): use \(allowed.joined(separator: ", "))")
            }
        }
        if !table.sequence.isEmpty {
            throw TestInputError("\(path) must have named keys (\(allowed.joined(separator: ", "))), not a list")
        }
    }

    func has(_ key: String) -> Bool { table[key] != .nil }

    func value(_ key: String) -> LuaValue { table[key] }

    func string(_ key: String) throws(TestInputError) -> String? {
        let value = table[key]
        if value == .nil { return nil }
        guard let text = value.stringValue else {
            throw TestInputError("\(path).\(key) must be a string, got \(Self.typeName(value))")
        }
        return text
    }

    func integer(_ key: String) throws(TestInputError) -> Int? {
        let value = table[key]
        if value == .nil { return nil }
        return try Self.integer(value, at: "\(path).\(key)")
    }

    func bool(_ key: String) throws(TestInputError) -> Bool? {
        let value = table[key]
        if value == .nil { return nil }
        guard let flag = value.boolValue else {
            throw TestInputError("\(path).\(key) must be true or false, got \(Self.typeName(value))")
        }
        return flag
    }

    func table(_ key: String) throws(TestInputError) -> LuaFields? {
        let value = table[key]
        if value == .nil { return nil }
        return try LuaFields(value, path: "\(path).\(key)")
    }

    /// The sequence at `key` (a table with only list entries).
    func list(_ key: String) throws(TestInputError) -> [LuaValue]? {
        let value = table[key]
        if value == .nil { return nil }
        guard case .table(let list) = value, list.fields.isEmpty else {
            throw TestInputError("\(path).\(key) must be a list { ..., ... }, got \(Self.typeName(value))")
        }
        return list.sequence
    }

    /// An integer, or an integral float (`100.0`), as in the checkout contract.
    static func integer(_ value: LuaValue, at path: String) throws(TestInputError) -> Int {
        switch value {
        case .integer(let number):
            return number
        case .number(let number) where number.rounded() == number && abs(number) < 9.0e15:
            return Int(number)
        default:
            throw TestInputError("\(path) must be a whole number (cents are integers), got \(typeName(value))")
        }
    }

    static func typeName(_ value: LuaValue) -> String {
        switch value {
        case .nil: return "nil"
        case .boolean(let flag): return String(flag)
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        case .string(let text): return "\"\(text)\""
        case .table: return "a table"
        }
    }
}
