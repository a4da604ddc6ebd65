/// The API's error payload: `{status: "error", error, error_details, error_user, code, supportId}`.
///
/// `error` is an exception name such as `ProductNotFoundException`, `error_user` a German text
/// for the cashier, `code` a number (sent as a string by some versions: both are accepted).
public struct APIErrorPayload: JSONModel, Error, CustomStringConvertible {
    private var raw: JSONObject

    private enum Field {
        static let status = JSONField<String>.string("status")
        static let error = JSONField<String>.string("error")
        static let errorDetails = JSONField<String>.lenientString("error_details")
        static let errorUser = JSONField<String>.lenientString("error_user")
        static let code = JSONField<Int>.lenientInt("code")
        static let supportID = JSONField<String>.lenientString("supportId")
        static let all: [any ValidatingField] = [status, error, errorDetails, errorUser, code, supportID]
    }

    /// The payload's JSON object, unknown keys included.
    public var json: JSONValue { .object(raw) }

    /// Decodes and validates an error payload.
    /// - Parameters:
    ///   - json: The JSON object.
    ///   - path: Where it sits in its document.
    /// - Throws: ``JSONDecodingError`` naming the first invalid member.
    public init(json: JSONValue, at path: String) throws(JSONDecodingError) {
        raw = try JSONRead.object(json, at: path)
        try raw.validate(Field.all, at: path)
    }

    /// A new error payload with `status: "error"`.
    /// - Parameters:
    ///   - error: The exception name, e.g. `ProductNotFoundException`.
    ///   - details: `error_details`, for developers.
    ///   - user: `error_user`, for the cashier (German).
    ///   - code: The error code.
    ///   - supportID: `supportId`, to quote to support.
    public init(error: String, details: String?, user: String?, code: Int?, supportID: String?) {
        raw = JSONObject()
        raw[Field.status.key] = "error"
        raw[Field.error.key] = .string(error)
        raw[Field.errorDetails.key] = details.map(JSONValue.string) ?? .null
        raw[Field.errorUser.key] = user.map(JSONValue.string) ?? .null
        raw[Field.code.key] = code.map(JSONValue.int) ?? .null
        raw[Field.supportID.key] = supportID.map(JSONValue.string) ?? .null
    }

    /// `status`, `"error"`.
    public var status: String? { raw[Field.status] }

    /// `error`: the exception name.
    public var error: String? { raw[Field.error] }

    /// `error_details`: what went wrong, for developers.
    public var errorDetails: String? { raw[Field.errorDetails] }

    /// `error_user`: what went wrong, for the cashier (German).
    public var errorUser: String? { raw[Field.errorUser] }

    /// `code`: the error code.
    public var code: Int? { raw[Field.code] }

    /// `supportId`.
    public var supportID: String? { raw[Field.supportID] }

    /// `"<error> (code <code>): <error_details>"`.
    public var description: String {
        let code = code.map { " (code \($0))" } ?? ""
        return "\(error ?? "API error")\(code): \(errorDetails ?? errorUser ?? "no details")"
    }
}
