import Foundation

/// Parses and serialises JSON exactly: integers stay `Int`, object keys keep their order,
/// explicit `null`s are kept, and errors name the JSON path.
///
/// The parser is iterative with a depth limit, so hostile input (100,000 nested arrays, an
/// empty body, invalid UTF-8) gives a ``JSONDecodingError``, never a crash.
public enum JSON {
    /// The default nesting limit of ``parse(_:maxDepth:)``; real API payloads nest fewer than 10 levels.
    public static let defaultMaxDepth = 256

    /// Parses one JSON value.
    /// - Parameters:
    ///   - data: UTF-8 JSON text.
    ///   - maxDepth: How many arrays/objects may nest; deeper input is an error.
    /// - Returns: The value, integers as `.int` when they fit in `Int`.
    /// - Throws: ``JSONDecodingError`` naming the path and byte offset of the first problem.
    public static func parse(_ data: Data, maxDepth: Int = defaultMaxDepth) throws(JSONDecodingError) -> JSONValue {
        var parser = JSONParser(bytes: [UInt8](data), maxDepth: maxDepth)
        return try parser.parse()
    }

    /// Parses one JSON value from text.
    /// - Parameters:
    ///   - text: JSON text.
    ///   - maxDepth: How many arrays/objects may nest; deeper input is an error.
    /// - Returns: The value.
    /// - Throws: ``JSONDecodingError`` naming the path of the first problem.
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONDecodingError) -> JSONValue {
        var parser = JSONParser(bytes: Array(text.utf8), maxDepth: maxDepth)
        return try parser.parse()
    }

    /// Serialises a value as UTF-8 JSON, object members in their stored order.
    /// - Parameters:
    ///   - value: The value to write.
    ///   - pretty: Two-space indentation and one member per line when `true`; compact otherwise.
    /// - Returns: The JSON text. Non-finite doubles (which JSON cannot hold) are written as `null`.
    public static func serialize(_ value: JSONValue, pretty: Bool = false) -> Data {
        Data(bytes(of: value, pretty: pretty))
    }

    /// Serialises a value as a JSON string.
    /// - Parameters:
    ///   - value: The value to write.
    ///   - pretty: Two-space indentation when `true`.
    /// - Returns: The JSON text.
    public static func string(_ value: JSONValue, pretty: Bool = false) -> String {
        String(decoding: bytes(of: value, pretty: pretty), as: UTF8.self)
    }

    private static func bytes(of value: JSONValue, pretty: Bool) -> [UInt8] {
        var serializer = JSONSerializer(pretty: pretty)
        serializer.write(value)
        return serializer.output
    }
}
