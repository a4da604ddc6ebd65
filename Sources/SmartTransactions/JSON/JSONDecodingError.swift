/// Why a JSON text or value could not be read, and where.
///
/// `path` is a JSONPath-like location such as `$.basket.products[2].priceOne` (`$` is the
/// whole document); `message` says what was wrong and what was expected.
public struct JSONDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is, e.g. `$.basket.products[2].priceOne`.
    public var path: String
    /// What is wrong and what was expected.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - path: Where the problem is.
    ///   - message: What is wrong and what was expected.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `"<path>: <message>"`.
    public var description: String { "\(path): \(message)" }

    /// A required member `key` of the object at `path` is absent or `null`.
    static func missingValue(_ key: String, at path: String) -> JSONDecodingError {
        JSONDecodingError(path: JSONPath.member(path, key), message: "missing required value: add \"\(key)\"")
    }
}
