/// A reference to another API object, `{object, id}` (e.g. `loyalty.transactions`, `LTX_…`).
public struct ObjectReference: JSONModel {
    private var raw: JSONObject

    private enum Field {
        static let object = JSONField<String>.string("object")
        static let id = JSONField<String>.string("id")
        static let all: [any ValidatingField] = [object, id]
    }

    /// The reference's JSON object, unknown keys included.
    public var json: JSONValue { .object(raw) }

    /// Decodes and validates a reference.
    /// - Parameters:
    ///   - json: The JSON object.
    ///   - path: Where it sits in its document.
    /// - Throws: ``JSONDecodingError`` naming the first invalid member.
    public init(json: JSONValue, at path: String) throws(JSONDecodingError) {
        raw = try JSONRead.object(json, at: path)
        try raw.validate(Field.all, at: path)
    }

    /// A new reference.
    /// - Parameters:
    ///   - object: The object type, e.g. `"loyalty.transactions"`.
    ///   - id: The object id.
    public init(object: String, id: String) {
        raw = JSONObject()
        self.object = object
        self.id = id
    }

    /// `object`: the object type.
    public var object: String? {
        get { raw[Field.object] }
        set { raw[Field.object] = newValue }
    }

    /// `id`: the object id.
    public var id: String? {
        get { raw[Field.id] }
        set { raw[Field.id] = newValue }
    }
}
