/// One request to `/oauth/token`.
enum TokenGrant: Sendable {
    case clientCredentials
    case refreshToken(Secret)
    /// Device authorization, step 1: register the device's uuid.
    case deviceRegistration(uuid: String)
    /// Device authorization, step 2: poll with the device code.
    case deviceCode(Secret)

    /// The form fields of the request, secrets included: never log them.
    func fields(clientID: String, clientSecret: Secret) -> [String: String] {
        var fields = ["client_id": clientID, "client_secret": clientSecret.reveal()]
        switch self {
        case .clientCredentials:
            fields["grant_type"] = "client_credentials"
        case .refreshToken(let token):
            fields["grant_type"] = "refresh_token"
            fields["refresh_token"] = token.reveal()
        case .deviceRegistration(let uuid):
            fields["grant_type"] = "device"
            fields["uuid"] = uuid
        case .deviceCode(let code):
            fields["grant_type"] = "device"
            fields["code"] = code.reveal()
        }
        return fields
    }

    /// Every secret the request carries, to be hidden from error messages.
    func secrets(_ clientSecret: Secret) -> [Secret] {
        switch self {
        case .clientCredentials, .deviceRegistration: [clientSecret]
        case .refreshToken(let token), .deviceCode(let token): [clientSecret, token]
        }
    }

    /// The grant's name for logs.
    var name: String {
        switch self {
        case .clientCredentials: "client_credentials"
        case .refreshToken: "refresh_token"
        case .deviceRegistration: "device registration"
        case .deviceCode: "device"
        }
    }
}
