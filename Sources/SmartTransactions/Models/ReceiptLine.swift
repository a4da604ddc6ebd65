/// One line of a receipt (`receipt[]`, `receipt_merchant[]`), secuconnect-api.md §3.4.
///
/// Lines of a `type` the model does not know are kept whole as `unknown`.
public enum ReceiptLine: JSONModel, Hashable {
    /// A heading, centred in a rule; the caption may be absent.
    case separator(caption: String?)
    /// Text, left-aligned unless decorated.
    case textline(text: String, decorations: [Decoration])
    /// A name on the left, its value on the right.
    case nameValue(name: String, value: String, decorations: [Decoration])
    /// An empty line.
    case space
    /// A line of an unknown `type`, kept as sent.
    case unknown(JSONValue)

    private enum Field {
        static let type = JSONField<String>.string("type", required: true)
        static let value = JSONField<JSONValue>.any("value")
        static let caption = JSONField<String>.lenientString("caption")
        static let text = JSONField<String>.lenientString("text")
        static let name = JSONField<String>.lenientString("name")
        static let valueText = JSONField<String>.lenientString("value")
        static let decoration = JSONField<[Decoration]>.array("decoration", of: Decoration.read, write: { $0.jsonValue })
    }

    /// Decodes a line: `{type, value}`.
    /// - Parameters:
    ///   - json: The line's JSON object.
    ///   - path: Where it sits in its document, e.g. `$.receipt[3]`.
    /// - Throws: ``JSONDecodingError`` when a known line's members have the wrong types.
    public init(json: JSONValue, at path: String) throws(JSONDecodingError) {
        let object = try JSONRead.object(json, at: path)
        let type = try object.require(Field.type, at: path)
        let valuePath = JSONPath.member(path, Field.value.key)
        let value = try object[Field.value].map { (value) throws(JSONDecodingError) in try JSONRead.object(value, at: valuePath) }
        switch type {
        case "separator":
            self = .separator(caption: try value?.decode(Field.caption, at: valuePath))
        case "textline":
            let value = value ?? JSONObject()
            self = .textline(
                text: try value.require(Field.text, at: valuePath),
                decorations: try value.decode(Field.decoration, at: valuePath) ?? [])
        case "name-value":
            let value = value ?? JSONObject()
            self = .nameValue(
                name: try value.require(Field.name, at: valuePath),
                value: try value.require(Field.valueText, at: valuePath),
                decorations: try value.decode(Field.decoration, at: valuePath) ?? [])
        case "space":
            self = .space
        default:
            self = .unknown(json)
        }
    }

    /// The line as the API writes it: `{"type": …, "value": {…}}` (`space` has no `value`).
    public var json: JSONValue {
        switch self {
        case .separator(let caption):
            return ["type": "separator", "value": .object(JSONObject(caption.map { [("caption", .string($0))] } ?? []))]
        case .textline(let text, let decorations):
            return ["type": "textline", "value": ["text": .string(text), "decoration": Field.decoration.write(decorations)]]
        case .nameValue(let name, let value, let decorations):
            return ["type": "name-value", "value": [
                "name": .string(name), "value": .string(value), "decoration": Field.decoration.write(decorations),
            ]]
        case .space:
            return ["type": "space"]
        case .unknown(let json):
            return json
        }
    }

    /// The decorations of a `textline` or `name-value`; `[]` for other lines.
    public var decorations: [Decoration] {
        switch self {
        case .textline(_, let decorations), .nameValue(_, _, let decorations): decorations
        default: []
        }
    }

    /// The JSON of `lines`, reusing the JSON of `original` for every line that is unchanged,
    /// so lines the API produced are sent back exactly as they came (unknown keys included).
    static func json(of lines: [ReceiptLine], reusing original: JSONValue?) -> JSONValue {
        var unused: [ReceiptLine: [JSONValue]] = [:]
        for element in original?.arrayValue ?? [] {
            if let line = try? ReceiptLine(json: element) { unused[line, default: []].append(element) }
        }
        return .array(lines.map { line in
            guard let reused = unused[line]?.first else { return line.json }
            unused[line]?.removeFirst()
            return reused
        })
    }
}
