/// Typed access to a model's members through its ``JSONField``s. Reads are lenient (a getter of
/// validated data never fails); writes leave the JSON untouched when the typed value did not
/// change, so what the API sent (a number as a string, an explicit `null`) is sent back as is.
extension JSONObject {
    /// The member read through `field`; `nil` when absent, `null` or unreadable. Setting `nil`
    /// writes `null` over a present key and adds nothing when the key is absent.
    subscript<Value>(field: JSONField<Value>) -> Value? {
        get {
            guard let value = self[field.key], value != .null else { return nil }
            // The error (and so its path) is discarded: the root path spares building one.
            return try? field.read(value, JSONPath.root)
        }
        set {
            guard self[field] != newValue else { return }
            if let newValue {
                self[field.key] = field.write(newValue)
            } else if contains(field.key) {
                self[field.key] = .null
            }
        }
    }

    /// The member read through `field`, or `defaultValue` when absent or `null`. Setting
    /// `defaultValue` on an absent key adds nothing.
    subscript<Value>(field: JSONField<Value>, default defaultValue: Value) -> Value {
        get { self[field] ?? defaultValue }
        set {
            guard contains(field.key) || newValue != defaultValue else { return }
            self[field] = newValue
        }
    }

    /// Validates every field against this object.
    /// - Throws: The first field's ``JSONDecodingError``.
    func validate(_ fields: [any ValidatingField], at path: String) throws(JSONDecodingError) {
        for field in fields { try field.validate(in: self, at: path) }
    }

    /// The member read through `field` with its path for errors; `nil` when absent or `null`.
    func decode<Value>(_ field: JSONField<Value>, at path: String) throws(JSONDecodingError) -> Value? {
        try field.validate(in: self, at: path)
        return self[field]
    }

    /// The member read through `field`; an error when absent or `null`.
    func require<Value>(_ field: JSONField<Value>, at path: String) throws(JSONDecodingError) -> Value {
        guard let value = try decode(field, at: path) else { throw .missingValue(field.key, at: path) }
        return value
    }
}
