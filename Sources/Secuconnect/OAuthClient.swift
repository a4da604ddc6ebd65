import Foundation

/// Talks to `/oauth/token`. Request bodies carry secrets and are never logged.
struct OAuthClient: Sendable {
    let transport: HTTPTransport
    let tokenURL: String
    let timeout: Duration
    let clientID: String
    let clientSecret: Secret

    /// Asks for an access token.
    func token(_ grant: TokenGrant) async throws(SecuconnectError) -> IssuedToken {
        let fields = try await post(grant)
        guard let access = fields["access_token"] as? String, !access.isEmpty else {
            throw .unexpectedResponse(operation: "login", httpStatus: 200, reason: "no access_token in the answer")
        }
        return IssuedToken(
            accessToken: Secret(access), expiresIn: Self.int(fields["expires_in"]),
            refreshToken: (fields["refresh_token"] as? String).flatMap { $0.isEmpty ? nil : Secret($0) })
    }

    /// Registers a device (device grant, step 1).
    func registerDevice(uuid: String) async throws(SecuconnectError) -> DeviceAuthorization {
        let fields = try await post(.deviceRegistration(uuid: uuid))
        guard let code = fields["device_code"] as? String, let user = fields["user_code"] as? String else {
            throw .unexpectedResponse(
                operation: "device registration", httpStatus: 200, reason: "no device_code/user_code in the answer")
        }
        return DeviceAuthorization(
            userCode: user, verificationURL: fields["verification_url"] as? String ?? "",
            expiresIn: .seconds(Self.int(fields["expires_in"]) ?? 1200), interval: Self.int(fields["interval"]) ?? 5,
            deviceCode: Secret(code))
    }

    private func post(_ grant: TokenGrant) async throws(SecuconnectError) -> [String: Any] {
        let fields = grant.fields(clientID: clientID, clientSecret: clientSecret)
        let body = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data()
        let request = OutgoingRequest(method: .POST, base: tokenURL, path: "", body: Array(body))
        let reply: HTTPReply
        do {
            reply = try await transport.send(request, timeout: timeout)
        } catch {
            throw .transport(operation: "login", error)
        }
        let object = (try? JSONSerialization.jsonObject(with: reply.body)) as? [String: Any]
        guard reply.isSuccess else { throw Self.failure(reply, object, hiding: grant.secrets(clientSecret)) }
        guard let object else {
            throw .unexpectedResponse(
                operation: "login", httpStatus: reply.status, reason: ResponseText.describe(reply.body, hiding: grant.secrets(clientSecret)))
        }
        return object
    }

    private static func failure(_ reply: HTTPReply, _ object: [String: Any]?, hiding secrets: [Secret]) -> SecuconnectError {
        guard let object, let error = object["error"] as? String else {
            return .unexpectedResponse(
                operation: "login", httpStatus: reply.status, reason: ResponseText.describe(reply.body, hiding: secrets))
        }
        let description = object["error_description"] as? String ?? object["error_details"] as? String
        return .authentication(OAuthFailure(httpStatus: reply.status, error: error, errorDescription: description))
    }

    private static func int(_ value: Any?) -> Int? {
        switch value {
        case let number as NSNumber: number.intValue
        case let text as String: Int(text)
        default: nil
        }
    }
}
