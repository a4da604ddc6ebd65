/// A Lua value copied out of (or into) a state.
///
/// Integers and floats stay apart: Lua's integer `2` is `.integer(2)` and its float `2.0` is
/// `.number(2.0)`; a float never silently becomes an `Int`. Values that have no such form
/// (functions, userdata, coroutines) read as `.nil`, and in tables their entries are left out.
public indirect enum LuaValue: Sendable, Hashable {
    /// `nil`.
    case `nil`
    /// `true` or `false`.
    case boolean(Bool)
    /// An integer (`lua_Integer`, 64 bits).
    case integer(Int)
    /// A float.
    case number(Double)
    /// A string (bytes).
    case string(LuaString)
    /// A table snapshot.
    case table(LuaTable)
}

// MARK: - Accessors

extension LuaValue {
    /// Whether the value is `nil`.
    public var isNil: Bool { self == .nil }

    /// The boolean, or nil for any other type.
    public var boolValue: Bool? {
        if case .boolean(let value) = self { return value }
        return nil
    }

    /// The integer, or nil for any other type (a float stays a float, even `2.0`).
    public var integerValue: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The number as a `Double` for integers and floats, else nil.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// The string as text when it is valid UTF-8, else nil.
    public var stringValue: String? {
        if case .string(let value) = self { return value.string }
        return nil
    }

    /// The table, or nil for any other type.
    public var tableValue: LuaTable? {
        if case .table(let value) = self { return value }
        return nil
    }

    /// Lua's truthiness: everything but `nil` and `false` is true.
    public var isTruthy: Bool {
        switch self {
        case .nil, .boolean(false): false
        default: true
        }
    }
}
