/// A JSON object whose keys keep their order.
///
/// Reading a key is a dictionary look-up; setting a new key appends it; setting `nil` removes
/// it. Two objects are equal when they hold the same keys with equal values, in any order
/// (JSON's meaning of equality); serialisation uses the stored order.
public struct JSONObject: Sendable, Hashable, Sequence {
    /// The keys in their stored order.
    public private(set) var keys: [String] = []
    private var values: [String: JSONValue] = [:]

    /// An empty object.
    public init() {}

    /// An object from key–value pairs in order; a repeated key keeps its first position and
    /// its last value.
    /// - Parameter pairs: The members.
    public init(_ pairs: some Sequence<(String, JSONValue)>) {
        for (key, value) in pairs { self[key] = value }
    }

    /// The number of members.
    public var count: Int { keys.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { keys.isEmpty }

    /// The value of `key`; setting `nil` removes the key, setting a value keeps the key's position.
    public subscript(key: String) -> JSONValue? {
        get { values[key] }
        set {
            guard let newValue else {
                if values.removeValue(forKey: key) != nil { keys.removeAll { $0 == key } }
                return
            }
            if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
        }
    }

    /// Whether the object has `key`, with any value including `null`.
    /// - Parameter key: The key to look for.
    /// - Returns: `true` when the key is present.
    public func contains(_ key: String) -> Bool {
        values[key] != nil
    }

    /// The members in stored order.
    /// - Returns: An iterator of `(key, value)` pairs.
    public func makeIterator() -> some IteratorProtocol<(key: String, value: JSONValue)> {
        keys.lazy.compactMap { key in values[key].map { (key: key, value: $0) } }.makeIterator()
    }

    /// Whether both objects hold the same keys with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.values == rhs.values
    }

    /// Hashes the members regardless of their order, consistent with `==`.
    /// - Parameter hasher: The hasher to feed.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(values)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// An object literal; keys keep the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
