import CLua
import CLuaShim

/// Moves values between Swift and a Lua stack using only operations that cannot raise in host
/// mode: pushes, `lua_createtable`, raw gets and sets, `lua_next`, and reads of values whose type
/// was checked first (never `lua_tolstring` on a number).
struct LuaStack {
    /// Deepest table nesting copied in either direction.
    static let maxDepth = 200
    /// Most values (tables included) copied out of Lua in one conversion.
    static let maxValues = 1_000_000

    let L: OpaquePointer

    // MARK: - Swift → Lua

    /// Pushes `value`; tables nested deeper than ``maxDepth`` are pushed as nil.
    /// - Parameter value: the value to push.
    func push(_ value: LuaValue) {
        push(value, depth: 0)
    }

    /// Pushes a Swift string.
    /// - Parameter string: the text (its UTF-8 bytes).
    func push(_ string: String) {
        var string = string
        string.withUTF8 { buffer in
            _ = lua_pushlstring(L, buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, buffer.count)
        }
    }

    private func push(_ value: LuaValue, depth: Int) {
        switch value {
        case .nil:
            lua_pushnil(L)
        case .boolean(let flag):
            lua_pushboolean(L, flag ? 1 : 0)
        case .integer(let integer):
            lua_pushinteger(L, lua_Integer(integer))
        case .number(let number):
            lua_pushnumber(L, number)
        case .string(let string):
            string.bytes.withUnsafeBufferPointer { buffer in
                _ = buffer.withMemoryRebound(to: CChar.self) { chars in
                    lua_pushlstring(L, chars.baseAddress, chars.count)
                }
            }
        case .table(let table):
            guard depth < Self.maxDepth, lua_checkstack(L, 4) != 0 else {
                lua_pushnil(L)
                return
            }
            pushTable(table, depth: depth)
        }
    }

    private func pushTable(_ table: LuaTable, depth: Int) {
        lua_createtable(L, Int32(clamping: table.sequence.count), Int32(clamping: table.fields.count))
        for (offset, element) in table.sequence.enumerated() {
            push(element, depth: depth + 1)
            lua_rawseti(L, -2, lua_Integer(offset + 1))
        }
        for (key, element) in table.fields where Self.isStorableKey(key) && element != .nil {
            push(key, depth: depth + 1)
            push(element, depth: depth + 1)
            lua_rawset(L, -3)
        }
    }

    /// Lua cannot store nil or NaN keys (lua_rawset would raise).
    private static func isStorableKey(_ key: LuaValue) -> Bool {
        switch key {
        case .nil: false
        case .number(let number): !number.isNaN
        default: true
        }
    }

    // MARK: - Lua → Swift

    /// Reads the value at `index` without changing the stack.
    /// - Parameter index: a stack index.
    /// - Returns: the value; functions, userdata and threads read as nil.
    /// - Throws: `.host` for a table that contains itself, is nested too deeply or is too large.
    func value(at index: Int32) throws(LuaError) -> LuaValue {
        let top = lua_gettop(L)
        var reader = Reader(L: L)
        do {
            return try reader.read(lua_absindex(L, index), depth: 0)
        } catch {
            lua_settop(L, top)
            throw error
        }
    }

    /// Reads and pops the top `count` values, bottom first.
    /// - Parameter count: how many values.
    /// - Returns: the values.
    /// - Throws: `.host` when one cannot be copied (the values are popped all the same).
    func popValues(_ count: Int32) throws(LuaError) -> [LuaValue] {
        let first = lua_gettop(L) - count + 1
        defer { stx_pop(L, count) }
        var values: [LuaValue] = []
        values.reserveCapacity(Int(count))
        for index in stride(from: first, to: first + count, by: 1) {
            values.append(try value(at: index))
        }
        return values
    }

    /// The string at `index` if it is a string (never converts numbers).
    /// - Parameter index: a stack index.
    func string(at index: Int32) -> String? {
        var length = 0
        guard let bytes = stx_tostring(L, index, &length) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)
    }

    private struct Reader {
        let L: OpaquePointer
        /// The tables being read, outermost first (at most ``LuaStack/maxDepth``; a short list
        /// is searched faster than a set is hashed).
        var visiting: [UnsafeRawPointer] = []
        var count = 0

        mutating func read(_ index: Int32, depth: Int) throws(LuaError) -> LuaValue {
            switch lua_type(L, index) {
            case LUA_TBOOLEAN:
                return .boolean(lua_toboolean(L, index) != 0)
            case LUA_TNUMBER:
                var isInteger: Int32 = 0
                let integer = stx_tointeger(L, index, &isInteger)
                return isInteger != 0 ? .integer(Int(integer)) : .number(stx_tonumber(L, index))
            case LUA_TSTRING:
                var length = 0
                let bytes = stx_tostring(L, index, &length)
                return .string(LuaString(bytes: Array(UnsafeRawBufferPointer(start: bytes, count: length))))
            case LUA_TTABLE:
                return .table(try readTable(index, depth: depth))
            default:
                return .nil
            }
        }

        private mutating func readTable(_ index: Int32, depth: Int) throws(LuaError) -> LuaTable {
            count += 1
            guard count <= LuaStack.maxValues else {
                throw .host(message: "a table with more than \(LuaStack.maxValues) values cannot be copied to Swift")
            }
            guard depth < LuaStack.maxDepth, lua_checkstack(L, 4) != 0, let identity = lua_topointer(L, index) else {
                throw .host(message: "a table nested deeper than \(LuaStack.maxDepth) levels cannot be copied to Swift")
            }
            guard !visiting.contains(identity) else {
                throw .host(message: "a table that contains itself cannot be copied to Swift")
            }
            visiting.append(identity)
            defer { visiting.removeLast() }
            let sequence = try readSequence(index, depth: depth)
            let fields = try readFields(index, skipping: sequence.count, depth: depth)
            return LuaTable(sequence: sequence, fields: fields)
        }

        private mutating func readSequence(_ index: Int32, depth: Int) throws(LuaError) -> [LuaValue] {
            var sequence: [LuaValue] = []
            while lua_rawgeti(L, index, lua_Integer(sequence.count + 1)) != LUA_TNIL {
                count += 1
                sequence.append(try read(lua_gettop(L), depth: depth + 1))
                stx_pop(L, 1)
            }
            stx_pop(L, 1)
            return sequence
        }

        private mutating func readFields(_ index: Int32, skipping sequenceCount: Int, depth: Int) throws(LuaError) -> [LuaValue: LuaValue] {
            var fields: [LuaValue: LuaValue] = [:]
            lua_pushnil(L)
            while lua_next(L, index) != 0 {
                defer { stx_pop(L, 1) }
                let top = lua_gettop(L)
                let key = try read(top - 1, depth: depth + 1)
                if case .integer(let position) = key, position >= 1, position <= sequenceCount { continue }
                let element = try read(top, depth: depth + 1)
                if key != .nil, element != .nil {
                    count += 1
                    fields[key] = element
                }
            }
            return fields
        }
    }
}
