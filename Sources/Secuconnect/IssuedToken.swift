/// An access token as `/oauth/token` issued it.
struct IssuedToken: Sendable {
    var accessToken: Secret
    /// Seconds of validity (`expires_in`), if the server said.
    var expiresIn: Int?
    var refreshToken: Secret?
}
