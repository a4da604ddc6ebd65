/// Everything that can go wrong talking to secuconnect. No case ever carries a secret.
public enum SecuconnectError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The API answered with an error payload (after at most one re-authentication).
    case api(SecuconnectAPIError)
    /// `/oauth/token` refused to issue a token.
    case authentication(OAuthFailure)
    /// The request got no HTTP answer; `operation` is e.g. `create`.
    case transport(operation: String, TransportFailure)
    /// The answer could not be used: empty, not JSON, or not the expected object.
    case unexpectedResponse(operation: String, httpStatus: Int, reason: String)
    /// A start may or may not have been executed and the client will not start it again blindly.
    case startOutcomeUnknown(transactionID: String, lastKnownStatus: String?, reason: String)
    /// The device authorization was not confirmed before its code expired.
    case deviceAuthorizationExpired(userCode: String)
    /// The `--env` value is not an environment.
    case invalidEnvironment(String)
    /// Credentials are missing or unreadable.
    case invalidCredentials(String)
    /// An argument cannot be sent (e.g. an empty transaction id or payment method).
    case invalidRequest(String)

    /// One sentence that says what happened and what to do.
    public var description: String {
        switch self {
        case .api(let error): error.description
        case .authentication(let failure): failure.description
        case .transport(let operation, let failure): "\(operation) failed: \(failure)"
        case .unexpectedResponse(let operation, let status, let reason):
            "\(operation) failed: secuconnect answered HTTP \(status) with \(reason)"
        case .startOutcomeUnknown(let id, let status, let reason):
            "the payment of \(id) may or may not have been executed (\(reason); last known status: "
                + "\(status ?? "unknown")). It was not started again: check the terminal or read the "
                + "transaction before trying again"
        case .deviceAuthorizationExpired(let code):
            "the device code \(code) was not confirmed in time: start the device authorization again"
        case .invalidEnvironment(let message), .invalidCredentials(let message), .invalidRequest(let message):
            message
        }
    }
}
