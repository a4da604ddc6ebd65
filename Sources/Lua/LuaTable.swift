/// A snapshot of a Lua table: keys `1...n` (the longest run without a hole) go to `sequence`,
/// all other keys to `fields`.
///
/// When a table is pushed into Lua, `sequence` is stored first and `fields` after it; `nil` keys,
/// NaN keys and `nil` values are left out (Lua cannot store them).
public struct LuaTable: Sendable, Hashable, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    /// The values of keys `1...sequence.count`.
    public var sequence: [LuaValue]
    /// Every other key.
    public var fields: [LuaValue: LuaValue]

    /// Creates a table.
    /// - Parameters:
    ///   - sequence: the values of keys `1...n`.
    ///   - fields: the other entries.
    public init(sequence: [LuaValue] = [], fields: [LuaValue: LuaValue] = [:]) {
        self.sequence = sequence
        self.fields = fields
    }

    /// Creates a sequence.
    /// - Parameter elements: the values of keys `1...n`.
    public init(arrayLiteral elements: LuaValue...) {
        self.init(sequence: elements)
    }

    /// Creates a table of fields.
    /// - Parameter elements: the entries; a later duplicate key wins.
    public init(dictionaryLiteral elements: (LuaValue, LuaValue)...) {
        self.init(fields: Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// The value of `key` as Lua would read it (`nil` when absent).
    /// - Parameter key: an integer index into the sequence or any field key.
    public subscript(key: LuaValue) -> LuaValue {
        if case .integer(let index) = key, index >= 1, index <= sequence.count {
            return sequence[index - 1]
        }
        return fields[key] ?? .nil
    }

    /// The value of the string field `name` (`nil` when absent).
    /// - Parameter name: the field name.
    public subscript(name: String) -> LuaValue {
        fields[.string(LuaString(name))] ?? .nil
    }
}
