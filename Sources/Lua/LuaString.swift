/// A Lua string: bytes, which need not be valid UTF-8.
public struct LuaString: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The bytes, exactly as Lua holds them (embedded zeros included).
    public var bytes: [UInt8]

    /// Creates a string from bytes.
    /// - Parameter bytes: the bytes, kept as they are.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Creates a string from the UTF-8 encoding of `string`.
    /// - Parameter string: the text.
    public init(_ string: String) {
        self.bytes = Array(string.utf8)
    }

    /// Creates a string from a literal.
    /// - Parameter value: the text.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Hashes the bytes as one block (the synthesised hash feeds them to the hasher one by one).
    /// - Parameter hasher: The hasher to feed.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(bytes.count)
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    /// The text when the bytes are valid UTF-8, else nil.
    public var string: String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// The text, with invalid UTF-8 replaced by U+FFFD.
    public var description: String {
        String(decoding: bytes, as: UTF8.self)
    }
}
