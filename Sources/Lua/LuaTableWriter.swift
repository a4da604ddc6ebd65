import CLua
import CLuaShim

/// Sets the entries of a table that ``LuaWriter/pushTable(sequenceCount:fieldCount:_:)`` made.
public struct LuaTableWriter {
    var writer: LuaWriter
    let table: Int32

    /// Sets `table[key]` to the one value that `value` pushes (nothing when it pushes none).
    /// - Parameters:
    ///   - key: The key.
    ///   - value: Pushes the value with the writer it is given.
    public mutating func set(_ key: String, _ value: (inout LuaWriter) -> Void) {
        LuaStack(L: writer.L).push(key)
        value(&writer)
        store(above: 2) { lua_rawset(writer.L, table) }
    }

    /// Sets `table[index]` to the one value that `value` pushes (nothing when it pushes none).
    /// - Parameters:
    ///   - index: The integer key, e.g. `1` for the first element.
    ///   - value: Pushes the value with the writer it is given.
    public mutating func set(_ index: Int, _ value: (inout LuaWriter) -> Void) {
        value(&writer)
        store(above: 1) { lua_rawseti(writer.L, table, lua_Integer(index)) }
    }

    /// Stores the entry when the stack holds exactly `count` values above the table (the key,
    /// if any, and one value); otherwise drops what was pushed.
    private func store(above count: Int32, _ set: () -> Void) {
        if lua_gettop(writer.L) == table + count { set() }
        lua_settop(writer.L, table)
    }
}
