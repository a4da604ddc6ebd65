/// An error answer of the secuconnect API: the HTTP status and the JSON error payload
/// `{status, error, error_details, error_user, code, supportId}`.
public struct SecuconnectAPIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status code, e.g. 404.
    public var httpStatus: Int
    /// The payload's `status`, normally `"error"`.
    public var status: String?
    /// The exception name, e.g. `ProductNotFoundException`.
    public var error: String?
    /// The technical detail, e.g. `Unknown id`.
    public var errorDetails: String?
    /// The message meant for the cashier (German).
    public var errorUser: String?
    /// The numeric error code, e.g. 2003.
    public var code: Int?
    /// The id to quote to secupay's support.
    public var supportID: String?

    /// Creates an API error.
    /// - Parameters:
    ///   - httpStatus: the HTTP status code.
    ///   - status: the payload's `status`.
    ///   - error: the exception name.
    ///   - errorDetails: the technical detail.
    ///   - errorUser: the message for the cashier.
    ///   - code: the numeric code.
    ///   - supportID: the support id.
    public init(
        httpStatus: Int, status: String? = "error", error: String?, errorDetails: String? = nil,
        errorUser: String? = nil, code: Int? = nil, supportID: String? = nil
    ) {
        self.httpStatus = httpStatus
        self.status = status
        self.error = error
        self.errorDetails = errorDetails
        self.errorUser = errorUser
        self.code = code
        self.supportID = supportID
    }

    /// Whether the API refused the access token (401, or 403 `ProductNotAllowedException`), so that a
    /// fresh token may succeed.
    public var isAuthenticationFailure: Bool {
        httpStatus == 401 || (httpStatus == 403 && error == "ProductNotAllowedException")
    }

    /// One sentence with the status, exception, details and support id.
    public var description: String {
        var text = "secuconnect answered HTTP \(httpStatus) \(error ?? "without an exception name")"
        if let code { text += " (code \(code))" }
        if let errorDetails, !errorDetails.isEmpty { text += ": \(errorDetails)" }
        if let errorUser, !errorUser.isEmpty { text += " [\(errorUser)]" }
        if let supportID, !supportID.isEmpty { text += "; support id \(supportID)" }
        return text
    }
}
