/// Typed reads of JSON values with the path for errors; the one place that decides what
/// counts as an integer, a string or a Boolean.
enum JSONRead {
    /// An object.
    static func object(_ value: JSONValue, at path: String) throws(JSONDecodingError) -> JSONObject {
        guard case .object(let object) = value else { throw mismatch(value, expected: "an object", at: path) }
        return object
    }

    /// An array.
    static func array(_ value: JSONValue, at path: String) throws(JSONDecodingError) -> [JSONValue] {
        guard case .array(let elements) = value else { throw mismatch(value, expected: "an array", at: path) }
        return elements
    }

    /// A whole number: an integer, or a number with a zero fraction (`1500.0`) that fits in `Int`.
    static func int(_ value: JSONValue, at path: String) throws(JSONDecodingError) -> Int {
        switch value {
        case .int(let int):
            return int
        case .double(let double):
            guard double.magnitude < 0x1p63 else {
                throw JSONDecodingError(path: path, message: "number \(double) overflows a 64-bit integer: use a value between \(Int.min) and \(Int.max)")
            }
            guard double.rounded(.towardZero) == double else {
                throw JSONDecodingError(path: path, message: "expected a whole number, got \(double): fractional amounts (cents, quantities) are not allowed")
            }
            guard double.magnitude <= 0x1p53 else {
                throw JSONDecodingError(path: path, message: "number \(double) is too large to be exact when written with a fraction or exponent: write it as a plain integer")
            }
            return Int(double)
        default:
            throw mismatch(value, expected: "a whole number", at: path)
        }
    }

    /// A whole number, also when sent as a decimal string such as `"30037"` (the API is inconsistent).
    static func lenientInt(_ value: JSONValue, at path: String) throws(JSONDecodingError) -> Int {
        guard case .string(let string) = value else { return try int(value, at: path) }
        let trimmed = string.trimmingSpaces()
        guard let int = Int(trimmed) else {
            let overflow = !trimmed.isEmpty && trimmed.dropFirst(trimmed.first == "-" ? 1 : 0).allSatisfy(\.isASCIIDigit)
            throw JSONDecodingError(path: path, message: overflow
                ? "number \"\(string)\" overflows a 64-bit integer"
                : "expected a whole number or a string of digits, got \"\(string)\"")
        }
        return int
    }

    /// A string.
    static func string(_ value: JSONValue, at path: String) throws(JSONDecodingError) -> String {
        guard case .string(let string) = value else { throw mismatch(value, expected: "a string", at: path) }
        return string
    }

    /// A string, also when sent as an integer such as `30037` (the API is inconsistent).
    static func lenientString(_ value: JSONValue, at path: String) throws(JSONDecodingError) -> String {
        if case .int(let int) = value { return String(int) }
        return try string(value, at: path)
    }

    /// A Boolean.
    static func bool(_ value: JSONValue, at path: String) throws(JSONDecodingError) -> Bool {
        guard case .bool(let bool) = value else { throw mismatch(value, expected: "true or false", at: path) }
        return bool
    }

    /// Any value.
    static func any(_ value: JSONValue, at path: String) throws(JSONDecodingError) -> JSONValue {
        value
    }

    /// An array whose elements are read by `element`.
    static func array<T>(
        _ value: JSONValue, at path: String, of element: (JSONValue, String) throws(JSONDecodingError) -> T
    ) throws(JSONDecodingError) -> [T] {
        var result: [T] = []
        for (index, item) in try array(value, at: path).enumerated() {
            result.append(try element(item, JSONPath.element(path, index)))
        }
        return result
    }

    private static func mismatch(_ value: JSONValue, expected: String, at path: String) -> JSONDecodingError {
        JSONDecodingError(path: path, message: "expected \(expected), got \(value.kindDescription)")
    }
}

extension String {
    /// The string without leading and trailing spaces (no Foundation needed).
    func trimmingSpaces() -> String {
        // Only a string that begins or ends with the byte of " " can begin or end with " ".
        guard utf8.first == 0x20 || utf8.last == 0x20 else { return self }
        return String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}

extension Character {
    /// Whether this is one of `0`…`9`.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
