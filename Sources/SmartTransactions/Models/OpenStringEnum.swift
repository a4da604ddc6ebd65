/// A string enum of the API that keeps values it does not know (`unknown(String)`), so a new or
/// legacy value round-trips instead of failing to decode.
///
/// Conformers provide `init(rawValue:)` and `rawValue`; this protocol adds `Codable` (as a JSON
/// string), string literals and `description`.
public protocol OpenStringEnum: RawRepresentable, Codable, Hashable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible where RawValue == String {
    /// The case for `rawValue`, `unknown(rawValue)` when it is not a known one.
    init(rawValue: String)
}

extension OpenStringEnum {
    /// The case for a string literal.
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    /// Decodes the enum from a JSON string.
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when the value is not a string.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the enum as its raw string.
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: What the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The raw string.
    public var description: String { rawValue }

    /// Reads the enum from a JSON string, for the models.
    static func read(_ value: JSONValue, at path: String) throws(JSONDecodingError) -> Self {
        Self(rawValue: try JSONRead.string(value, at: path))
    }

    /// The enum as a JSON string, for the models.
    var jsonValue: JSONValue { .string(rawValue) }
}
