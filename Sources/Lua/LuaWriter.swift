import CLua
import CLuaShim

/// Writes call arguments straight onto the Lua stack, with no ``LuaValue`` copy in between: for
/// hosts that hand large documents (a basket of 1,000 products) to Lua on every call.
///
/// Use it only inside the closure of ``LuaSandbox/callHost(_:writing:)``. Each `push` adds one
/// argument (or, inside ``pushTable(sequenceCount:fieldCount:_:)``, the value of one entry).
/// Like ``LuaValue`` tables, tables nested deeper than 200 levels arrive as `nil`.
public struct LuaWriter {
    let L: OpaquePointer
    private var depth = 0

    init(L: OpaquePointer) {
        self.L = L
    }

    /// Pushes `nil`.
    public mutating func pushNil() {
        guard room() else { return }
        lua_pushnil(L)
    }

    /// Pushes a Boolean.
    /// - Parameter value: The value.
    public mutating func push(_ value: Bool) {
        guard room() else { return }
        lua_pushboolean(L, value ? 1 : 0)
    }

    /// Pushes an integer.
    /// - Parameter value: The value.
    public mutating func push(_ value: Int) {
        guard room() else { return }
        lua_pushinteger(L, lua_Integer(value))
    }

    /// Pushes a float.
    /// - Parameter value: The value.
    public mutating func push(_ value: Double) {
        guard room() else { return }
        lua_pushnumber(L, value)
    }

    /// Pushes a string (its UTF-8 bytes).
    /// - Parameter value: The text.
    public mutating func push(_ value: String) {
        guard room() else { return }
        LuaStack(L: L).push(value)
    }

    /// Pushes a value (tables are copied in, as by ``LuaSandbox/call(global:_:)``).
    /// - Parameter value: The value.
    public mutating func push(_ value: LuaValue) {
        guard room() else { return }
        LuaStack(L: L).push(value)
    }

    /// Pushes a new table and lets `fill` set its entries (see ``LuaTableWriter``).
    /// - Parameters:
    ///   - sequenceCount: How many entries `1…n` to make room for.
    ///   - fieldCount: How many other entries to make room for.
    ///   - fill: Sets the entries.
    public mutating func pushTable(sequenceCount: Int, fieldCount: Int, _ fill: (inout LuaTableWriter) -> Void) {
        guard depth < LuaStack.maxDepth, lua_checkstack(L, 4) != 0 else {
            pushNil()
            return
        }
        lua_createtable(L, Int32(clamping: sequenceCount), Int32(clamping: fieldCount))
        var table = LuaTableWriter(writer: LuaWriter(L: L, depth: depth + 1), table: lua_gettop(L))
        fill(&table)
        lua_settop(L, table.table)
    }

    private init(L: OpaquePointer, depth: Int) {
        self.L = L
        self.depth = depth
    }

    private func room() -> Bool {
        lua_checkstack(L, 2) != 0
    }
}
