/// A JSON object whose keys keep their order.
///
/// Setting a new key appends it; setting `nil` removes it. Reading a key compares the keys in
/// order while the object is small (most API objects have a dozen members, where comparing is
/// cheaper than hashing); a larger object keeps an index. Two objects are equal when they hold the
/// same keys with equal values, in any order (JSON's meaning of equality); serialisation uses the
/// stored order.
public struct JSONObject: Sendable, Hashable, Sequence {
    /// Objects with more members than this keep a key index.
    static let indexThreshold = 16

    /// The keys in their stored order.
    public private(set) var keys: [String] = []
    /// The values, in the order of `keys` (`values[i]` belongs to `keys[i]`). Reading both arrays
    /// by index is the cheapest walk from another module, where the iterator is not specialised.
    public private(set) var values: [JSONValue] = []
    /// Where each key sits in `keys` and `values`; only for objects larger than `indexThreshold`.
    private var positions: [String: Int]?

    /// An empty object.
    public init() {}

    /// An object from key–value pairs in order; a repeated key keeps its first position and
    /// its last value.
    /// - Parameter pairs: The members.
    public init(_ pairs: some Sequence<(String, JSONValue)>) {
        for (key, value) in pairs { self[key] = value }
    }

    /// An object from keys and values in order, as the parser reads them; a repeated key keeps
    /// its first position and its last value.
    /// - Parameters:
    ///   - keys: The keys.
    ///   - values: Their values, as many as there are keys.
    init(keys: [String], values: [JSONValue]) {
        guard keys.count > Self.indexThreshold else {
            for (offset, key) in keys.enumerated() where keys[..<offset].contains(key) {
                self = JSONObject(zip(keys, values))
                return
            }
            self.keys = keys
            self.values = values
            return
        }
        var positions: [String: Int] = [:]
        positions.reserveCapacity(keys.count)
        for (position, key) in keys.enumerated() {
            guard positions.updateValue(position, forKey: key) == nil else {
                self = JSONObject(zip(keys, values))
                return
            }
        }
        self.keys = keys
        self.values = values
        self.positions = positions
    }

    /// The number of members.
    public var count: Int { keys.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { keys.isEmpty }

    /// The value of `key`; setting `nil` removes the key, setting a value keeps the key's position.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { values[$0] } }
        set {
            guard let newValue else { return remove(key) }
            if let position = position(of: key) {
                values[position] = newValue
            } else {
                keys.append(key)
                values.append(newValue)
                updateIndex(from: keys.count - 1)
            }
        }
    }

    private func position(of key: String) -> Int? {
        if let positions { return positions[key] }
        // Comparing lengths first skips most keys without a full string comparison.
        let length = key.utf8.count
        return keys.firstIndex { $0.utf8.count == length && $0 == key }
    }

    private mutating func remove(_ key: String) {
        guard let position = position(of: key) else { return }
        keys.remove(at: position)
        values.remove(at: position)
        positions?.removeValue(forKey: key)
        updateIndex(from: position)
    }

    /// Keeps the index right for the keys from `start` on: builds it when the object grows past
    /// `indexThreshold`, drops it when it shrinks back.
    private mutating func updateIndex(from start: Int) {
        if keys.count <= Self.indexThreshold {
            positions = nil
        } else if positions == nil {
            positions = Dictionary(uniqueKeysWithValues: zip(keys, keys.indices))
        } else {
            for index in start ..< keys.count { positions?[keys[index]] = index }
        }
    }

    /// Whether the object has `key`, with any value including `null`.
    /// - Parameter key: The key to look for.
    /// - Returns: `true` when the key is present.
    public func contains(_ key: String) -> Bool {
        position(of: key) != nil
    }

    /// The members in stored order.
    /// - Returns: An iterator of `(key, value)` pairs.
    public func makeIterator() -> some IteratorProtocol<(key: String, value: JSONValue)> {
        zip(keys, values).lazy.map { (key: $0, value: $1) }.makeIterator()
    }

    /// Whether both objects hold the same keys with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.keys == rhs.keys { return lhs.values == rhs.values }
        return zip(lhs.keys, lhs.values).allSatisfy { key, value in rhs[key] == value }
    }

    /// Hashes the members regardless of their order, consistent with `==`.
    /// - Parameter hasher: The hasher to feed.
    public func hash(into hasher: inout Hasher) {
        var members = 0
        for (key, value) in zip(keys, values) {
            var member = Hasher()
            member.combine(key)
            member.combine(value)
            members ^= member.finalize()
        }
        hasher.combine(count)
        hasher.combine(members)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// An object literal; keys keep the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
