import Foundation
import Hummingbird
import SmartTransactions

/// `POST /oauth/token`: client_credentials, device (register and poll) and refresh_token grants.
/// Accepts a JSON or a form-encoded body.
struct OAuthEndpoint: Sendable {
    let configuration: SandboxConfiguration
    let tokens: TokenRegistry
    let ledger: SandboxLedger

    func respond(to fields: [String: String]) -> Response {
        guard let clientID = fields["client_id"], let secret = fields["client_secret"],
            configuration.clients[clientID] == secret
        else {
            return SandboxReply.oauthError("invalid_client", "unknown client_id or wrong client_secret")
        }
        switch fields["grant_type"] {
        case "client_credentials": return issue(clientID: clientID, grant: "client_credentials")
        case "refresh_token": return refresh(fields["refresh_token"], clientID: clientID)
        case "device": return device(fields, clientID: clientID)
        default:
            return SandboxReply.oauthError(
                "unsupported_grant_type", "use client_credentials, device or refresh_token")
        }
    }

    private func refresh(_ token: String?, clientID: String) -> Response {
        guard let token, tokens.client(ofRefreshToken: token) == clientID else {
            return SandboxReply.oauthError("invalid_grant", "unknown refresh_token")
        }
        return issue(clientID: clientID, grant: "refresh_token", keeping: token)
    }

    private func device(_ fields: [String: String], clientID: String) -> Response {
        if let uuid = fields["uuid"] {
            let (code, user) = tokens.registerDevice(
                clientID: clientID, uuid: uuid, pendingPolls: configuration.devicePendingPolls)
            return SandboxReply.json([
                "device_code": .string(code), "user_code": .string(user),
                "verification_url": "http://127.0.0.1/sandbox/device", "expires_in": .int(tokens.expiresIn),
                "interval": .int(configuration.deviceInterval),
            ])
        }
        switch tokens.poll(deviceCode: fields["code"] ?? "") {
        case .pending: return SandboxReply.oauthError("authorization_pending", "the user has not confirmed the code yet")
        case .approved: return issue(clientID: clientID, grant: "device")
        case .unknown: return SandboxReply.oauthError("invalid_grant", "unknown or used device code")
        }
    }

    private func issue(clientID: String, grant: String, keeping refresh: String? = nil) -> Response {
        let issued = tokens.issue(clientID: clientID, withRefreshToken: grant == "device")
        ledger.recordTokenIssued(grant: grant)
        var answer: JSONObject = [
            "access_token": .string(issued.access), "expires_in": .int(tokens.expiresIn), "token_type": "bearer",
            "scope": "https://scope.secucard.com/e/api",
        ]
        if let token = issued.refresh ?? refresh { answer["refresh_token"] = .string(token) }
        return SandboxReply.json(.object(answer))
    }

    /// The fields of a JSON object or `application/x-www-form-urlencoded` body.
    static func fields(of body: [UInt8], contentType: String?) -> [String: String] {
        if contentType?.contains("application/x-www-form-urlencoded") == true { return formFields(body) }
        guard case .object(let object)? = try? JSON.parse(Data(body)) else { return formFields(body) }
        var fields: [String: String] = [:]
        for (key, value) in object {
            if let text = value.stringValue { fields[key] = text } else if let number = value.intValue { fields[key] = String(number) }
        }
        return fields
    }

    private static func formFields(_ body: [UInt8]) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        return fields
    }
}
