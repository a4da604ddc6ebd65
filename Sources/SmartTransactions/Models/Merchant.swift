/// The `merchant`: an object `{object, id, companyname}` in responses, a plain id string in
/// create/update bodies. Both forms are kept as sent.
public struct Merchant: JSONModel {
    /// The merchant's JSON: a string id or an object.
    public private(set) var json: JSONValue

    private enum Field {
        static let id = JSONField<String>.string("id")
        static let companyname = JSONField<String>.string("companyname")
        static let all: [any ValidatingField] = [id, companyname]
    }

    /// Decodes and validates a merchant.
    /// - Parameters:
    ///   - json: A string id or an object.
    ///   - path: Where it sits in its document, e.g. `$.merchant`.
    /// - Throws: ``JSONDecodingError`` when it is neither a string nor a valid object.
    public init(json: JSONValue, at path: String) throws(JSONDecodingError) {
        if case .string = json {
            self.json = json
            return
        }
        try JSONRead.object(json, at: path).validate(Field.all, at: path)
        self.json = json
    }

    /// The merchant's id (`MRC_…`), from either form.
    public var id: String? {
        get { json.stringValue ?? json.objectValue?[Field.id] }
        set {
            guard var object = json.objectValue else {
                json = newValue.map(JSONValue.string) ?? .null
                return
            }
            object[Field.id] = newValue
            json = .object(object)
        }
    }

    /// `companyname`; setting it turns a string id into an object.
    public var companyname: String? {
        get { json.objectValue?[Field.companyname] }
        set {
            var object = json.objectValue ?? JSONObject([("id", json)].filter { $0.1 != .null })
            object[Field.companyname] = newValue
            json = .object(object)
        }
    }
}
