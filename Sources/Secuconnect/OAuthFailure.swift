/// A refusal from `/oauth/token`: `{error, error_description}`, e.g. `invalid_client`.
public struct OAuthFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status code, normally 400.
    public var httpStatus: Int
    /// The OAuth error code, e.g. `invalid_client`, `authorization_pending`, `invalid_grant`.
    public var error: String
    /// The server's explanation, if any.
    public var errorDescription: String?

    /// Creates an OAuth failure.
    /// - Parameters:
    ///   - httpStatus: the HTTP status code.
    ///   - error: the OAuth error code.
    ///   - errorDescription: the server's explanation.
    public init(httpStatus: Int, error: String, errorDescription: String? = nil) {
        self.httpStatus = httpStatus
        self.error = error
        self.errorDescription = errorDescription
    }

    /// One sentence with the code, the explanation and what to check.
    public var description: String {
        var text = "secuconnect refused the login (HTTP \(httpStatus) \(error)"
        if let errorDescription, !errorDescription.isEmpty { text += ": \(errorDescription)" }
        text += ")"
        if error == "invalid_client" { text += "; check STX_CLIENT_ID and STX_CLIENT_SECRET" }
        if error == "invalid_grant" { text += "; the device session ended: authorize the device again" }
        return text
    }
}
