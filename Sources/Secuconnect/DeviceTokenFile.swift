import Foundation

/// A device session saved on disk: what a cash register keeps after device authorization.
///
/// JSON with the keys `client_id`, `client_secret`, `refresh_token` and, optionally, `uuid`.
/// The file is written with mode 0600 and refused when other users can read it.
public struct DeviceTokenFile: Sendable, CustomStringConvertible, CustomReflectable {
    /// The OAuth client id.
    public var clientID: String
    /// The OAuth client secret.
    public var clientSecret: Secret
    /// The session's refresh token.
    public var refreshToken: Secret
    /// The device's uuid as registered (e.g. `/vendor/acme/cashier/1`), if known.
    public var uuid: String?

    /// Creates a device token file's contents.
    /// - Parameters:
    ///   - clientID: the OAuth client id.
    ///   - clientSecret: the OAuth client secret.
    ///   - refreshToken: the refresh token of the device session.
    ///   - uuid: the registered device uuid.
    public init(clientID: String, clientSecret: Secret, refreshToken: Secret, uuid: String? = nil) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.refreshToken = refreshToken
        self.uuid = uuid
    }

    /// Credentials that use this session's refresh token.
    public var credentials: SecuconnectCredentials {
        SecuconnectCredentials(clientID: clientID, clientSecret: clientSecret, grant: .refreshToken(refreshToken))
    }

    /// Reads and checks a device token file.
    /// - Parameter path: the file's path.
    /// - Returns: the file's contents.
    /// - Throws: ``SecuconnectError/invalidCredentials(_:)`` naming the file and what to fix.
    public static func read(from path: String) throws(SecuconnectError) -> Self {
        try checkPermissions(path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidCredentials("cannot read the device token file \(path): check the path in STX_DEVICE_TOKEN_FILE")
        }
        let fields = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        guard let id = fields["client_id"] as? String, let secret = fields["client_secret"] as? String,
            let refresh = fields["refresh_token"] as? String, !id.isEmpty, !secret.isEmpty, !refresh.isEmpty
        else {
            throw .invalidCredentials(
                "the device token file \(path) needs the string keys client_id, client_secret and refresh_token")
        }
        return Self(clientID: id, clientSecret: Secret(secret), refreshToken: Secret(refresh),
            uuid: fields["uuid"] as? String)
    }

    /// Writes the file with mode 0600 (owner read/write only), replacing an existing one.
    /// - Parameter path: where to write.
    /// - Throws: ``SecuconnectError/invalidCredentials(_:)`` if the file cannot be written.
    public func write(to path: String) throws(SecuconnectError) {
        var fields: [String: String] = [
            "client_id": clientID, "client_secret": clientSecret.reveal(), "refresh_token": refreshToken.reveal(),
        ]
        fields["uuid"] = uuid
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data()
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            _ = manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        guard (try? manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)) != nil,
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw .invalidCredentials("cannot write the device token file \(path): check the directory's permissions")
        }
        defer { try? handle.close() }
        do {
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: data)
        } catch {
            throw .invalidCredentials("cannot write the device token file \(path): \(error.localizedDescription)")
        }
    }

    /// The client id and uuid; secrets show as `<redacted>`.
    public var description: String {
        "DeviceTokenFile(client_id: \"\(clientID)\", uuid: \(uuid ?? "nil"), client_secret: <redacted>, refresh_token: <redacted>)"
    }

    /// A mirror with the non-secret fields only.
    public var customMirror: Mirror {
        Mirror(self, children: ["clientID": clientID, "uuid": uuid as Any], displayStyle: .struct)
    }

    private static func checkPermissions(_ path: String) throws(SecuconnectError) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw .invalidCredentials("cannot read the device token file \(path): check the path in STX_DEVICE_TOKEN_FILE")
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        guard mode & 0o077 == 0 else {
            throw .invalidCredentials(
                "the device token file \(path) is readable by other users: run `chmod 600 \(path)`")
        }
    }
}
