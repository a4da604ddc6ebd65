/// An article group of a basket product: `{id, desc, level}`.
public struct ProductGroup: JSONModel {
    private var raw: JSONObject

    private enum Field {
        static let id = JSONField<String>.lenientString("id")
        static let desc = JSONField<String>.string("desc")
        static let level = JSONField<Int>.lenientInt("level")
        static let all: [any ValidatingField] = [id, desc, level]
    }

    /// The group's JSON object, unknown keys included.
    public var json: JSONValue { .object(raw) }

    /// Decodes and validates a group.
    /// - Parameters:
    ///   - json: The group's JSON object.
    ///   - path: Where the group sits in its document, for errors.
    /// - Throws: ``JSONDecodingError`` naming the first invalid member.
    public init(json: JSONValue, at path: String) throws(JSONDecodingError) {
        raw = try JSONRead.object(json, at: path)
        try raw.validate(Field.all, at: path)
    }

    /// A new group.
    /// - Parameters:
    ///   - id: The group id.
    ///   - desc: The group's name.
    ///   - level: The level in the group hierarchy.
    public init(id: String?, desc: String?, level: Int?) {
        raw = JSONObject()
        self.id = id
        self.desc = desc
        self.level = level
    }

    /// `id`: the group id (a string; numbers are accepted).
    public var id: String? {
        get { raw[Field.id] }
        set { raw[Field.id] = newValue }
    }

    /// `desc`: the group's name.
    public var desc: String? {
        get { raw[Field.desc] }
        set { raw[Field.desc] = newValue }
    }

    /// `level`: the level in the group hierarchy.
    public var level: Int? {
        get { raw[Field.level] }
        set { raw[Field.level] = newValue }
    }
}
