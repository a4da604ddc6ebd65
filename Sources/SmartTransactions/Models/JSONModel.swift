/// A model that is a typed view of one JSON object: its typed properties read and write the
/// object, so keys the model does not know, explicit `null`s and key order all survive.
public protocol JSONModel: Sendable, Equatable, Codable {
    /// The model's JSON object: what was decoded, plus the changes made through its properties.
    var json: JSONValue { get }

    /// Decodes and validates the model.
    /// - Parameters:
    ///   - json: The model's JSON value.
    ///   - path: Where the value sits in its document, for errors (`$` for the document itself).
    /// - Throws: ``JSONDecodingError`` naming the path of the first invalid member.
    init(json: JSONValue, at path: String) throws(JSONDecodingError)
}

extension JSONModel {
    /// Decodes and validates the model from a document of its own.
    /// - Parameter json: The model's JSON value.
    /// - Throws: ``JSONDecodingError`` naming the path of the first invalid member.
    public init(json: JSONValue) throws(JSONDecodingError) {
        try self.init(json: json, at: JSONPath.root)
    }

    /// Decodes the model from any `Decoder` (through ``JSONValue``).
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: ``JSONDecodingError`` or the decoder's error.
    public init(from decoder: any Decoder) throws {
        try self.init(json: JSONValue(from: decoder))
    }

    /// Encodes the model's JSON object.
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: What the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }
}
