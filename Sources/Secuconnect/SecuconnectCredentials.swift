import Foundation

/// What the client authenticates with at `/oauth/token`: a client id and secret, plus the grant.
///
/// Its description never shows a secret:
/// `SecuconnectCredentials(client_id: "…", grant: client_credentials, client_secret: <redacted>)`.
public struct SecuconnectCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// How an access token is obtained.
    public enum Grant: Sendable, Equatable, CustomStringConvertible {
        /// `grant_type=client_credentials`: a server-side integration.
        case clientCredentials
        /// `grant_type=refresh_token`: a device session saved after device authorization.
        case refreshToken(Secret)

        /// `client_credentials` or `refresh_token` (the token itself stays hidden).
        public var description: String {
            switch self {
            case .clientCredentials: "client_credentials"
            case .refreshToken: "refresh_token"
            }
        }
    }

    /// The environment variable holding the client id.
    public static let clientIDVariable = "STX_CLIENT_ID"
    /// The environment variable holding the client secret.
    public static let clientSecretVariable = "STX_CLIENT_SECRET"
    /// The environment variable naming a device token file (see ``DeviceTokenFile``).
    public static let deviceTokenFileVariable = "STX_DEVICE_TOKEN_FILE"

    /// The OAuth client id (not confidential).
    public var clientID: String
    /// The OAuth client secret.
    public var clientSecret: Secret
    /// The grant used for the first token.
    public var grant: Grant

    /// Creates credentials.
    /// - Parameters:
    ///   - clientID: the OAuth client id.
    ///   - clientSecret: the OAuth client secret.
    ///   - grant: how to obtain the first token; `.clientCredentials` by default.
    public init(clientID: String, clientSecret: Secret, grant: Grant = .clientCredentials) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.grant = grant
    }

    /// Reads credentials from environment variables.
    ///
    /// `STX_DEVICE_TOKEN_FILE`, when set, names a ``DeviceTokenFile`` (refresh-token grant);
    /// otherwise `STX_CLIENT_ID` and `STX_CLIENT_SECRET` give a client_credentials grant.
    /// - Parameter env: the environment, e.g. `ProcessInfo.processInfo.environment`.
    /// - Returns: the credentials.
    /// - Throws: ``SecuconnectError/invalidCredentials(_:)`` saying which variable to set.
    public static func fromEnvironment(_ env: [String: String]) throws(SecuconnectError) -> Self {
        if let path = env[deviceTokenFileVariable], !path.isEmpty {
            return try DeviceTokenFile.read(from: path).credentials
        }
        let id = env[clientIDVariable] ?? ""
        let secret = env[clientSecretVariable] ?? ""
        guard !id.isEmpty, !secret.isEmpty else {
            throw .invalidCredentials(
                "no secuconnect credentials: set \(clientIDVariable) and \(clientSecretVariable), "
                    + "or \(deviceTokenFileVariable) to a device token file")
        }
        return Self(clientID: id, clientSecret: Secret(secret))
    }

    /// Reads credentials from a device token file.
    /// - Parameter path: the file's path.
    /// - Returns: refresh-token credentials.
    /// - Throws: ``SecuconnectError/invalidCredentials(_:)`` if the file is unreadable, malformed, or
    ///   readable by other users.
    public static func fromDeviceTokenFile(at path: String) throws(SecuconnectError) -> Self {
        try DeviceTokenFile.read(from: path).credentials
    }

    /// The client id and the grant; secrets show as `<redacted>`.
    public var description: String {
        "SecuconnectCredentials(client_id: \"\(clientID)\", grant: \(grant), client_secret: <redacted>)"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// A mirror with the client id and grant name only.
    public var customMirror: Mirror {
        Mirror(self, children: ["clientID": clientID, "grant": grant.description], displayStyle: .struct)
    }
}
