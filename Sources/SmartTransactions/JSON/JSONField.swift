/// One typed member of a model's JSON object: its key, how to read it (with a path for errors)
/// and how to write it back. Models declare their fields once and use them to validate, read
/// and write (see `JSONObject+Fields.swift`).
struct JSONField<Value: Equatable & Sendable>: Sendable {
    typealias Read = @Sendable (JSONValue, String) throws(JSONDecodingError) -> Value

    let key: String
    let required: Bool
    let read: Read
    let write: @Sendable (Value) -> JSONValue
    /// The JSON kind that `read` always accepts, so validation need not build the member's path
    /// to read it; `nil` when every value must go through `read`.
    let plainKind: JSONKind?

    init(
        _ key: String, required: Bool = false, plainKind: JSONKind? = nil, read: @escaping Read,
        write: @escaping @Sendable (Value) -> JSONValue
    ) {
        self.key = key
        self.required = required
        self.plainKind = plainKind
        self.read = read
        self.write = write
    }
}

/// A field whose value type is erased, so a model can list all its fields for validation.
protocol ValidatingField: Sendable {
    /// The member's key.
    var key: String { get }
    /// Throws when the member is present with the wrong type or value, or required and missing.
    func validate(in object: JSONObject, at path: String) throws(JSONDecodingError)
}

extension JSONField: ValidatingField {
    func validate(in object: JSONObject, at path: String) throws(JSONDecodingError) {
        guard let value = object[key], value != .null else {
            guard !required else { throw .missingValue(key, at: path) }
            return
        }
        if let plainKind, plainKind.matches(value) { return }
        _ = try read(value, JSONPath.member(path, key))
    }
}

// MARK: - Field kinds

extension JSONField where Value == Int {
    /// A whole number.
    static func int(_ key: String, required: Bool = false) -> Self {
        Self(key, required: required, plainKind: .int, read: JSONRead.int, write: { .int($0) })
    }

    /// A whole number that may also arrive as a string of digits.
    static func lenientInt(_ key: String, required: Bool = false) -> Self {
        Self(key, required: required, plainKind: .int, read: JSONRead.lenientInt, write: { .int($0) })
    }
}

extension JSONField where Value == String {
    /// A string.
    static func string(_ key: String, required: Bool = false) -> Self {
        Self(key, required: required, plainKind: .string, read: JSONRead.string, write: { .string($0) })
    }

    /// A string that may also arrive as an integer.
    static func lenientString(_ key: String) -> Self {
        Self(key, plainKind: .string, read: JSONRead.lenientString, write: { .string($0) })
    }
}

extension JSONField where Value == Bool {
    /// A Boolean.
    static func bool(_ key: String) -> Self {
        Self(key, plainKind: .bool, read: JSONRead.bool, write: { .bool($0) })
    }
}

extension JSONField where Value == JSONValue {
    /// Any value, kept as is.
    static func any(_ key: String) -> Self {
        Self(key, plainKind: .any, read: JSONRead.any, write: { $0 })
    }
}

extension JSONField where Value: OpenStringEnum {
    /// An open string enum.
    static func openEnum(_ key: String) -> Self {
        Self(key, plainKind: .string, read: Value.read, write: { $0.jsonValue })
    }
}

extension JSONField where Value: JSONModel {
    /// A nested model object.
    static func model(_ key: String) -> Self {
        Self(key, read: Value.init(json:at:), write: { $0.json })
    }
}

extension JSONField {
    /// An array of elements read and written by `element`.
    static func array<Element>(_ key: String, of element: @escaping JSONField<Element>.Read, write: @escaping @Sendable (Element) -> JSONValue) -> Self
    where Value == [Element] {
        Self(key, read: { (value, path) throws(JSONDecodingError) in try JSONRead.array(value, at: path, of: element) },
             write: { .array($0.map(write)) })
    }

    /// An array of nested model objects.
    static func models<Element: JSONModel>(_ key: String) -> Self where Value == [Element] {
        array(key, of: Element.init(json:at:), write: { $0.json })
    }
}
