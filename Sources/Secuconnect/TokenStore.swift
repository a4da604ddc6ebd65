import Logging

/// Caches the access token until its expiry less a margin, fetches a new one when needed (one
/// fetch at a time, shared by concurrent callers) and forgets a token the API refused.
///
/// A device session (base grant `refresh_token`) renews with its latest refresh token; a
/// client_credentials login simply logs in again and ignores refresh tokens.
actor TokenStore {
    private struct Cached {
        var token: Secret
        var validUntil: ContinuousClock.Instant
    }

    private let oauth: OAuthClient
    private let margin: Duration
    private let logger: Logger
    private var renewsWithRefreshToken: Bool
    private var refreshToken: Secret?
    private var current: Cached?
    private var inFlight: Task<Result<Cached, SecuconnectError>, Never>?

    init(oauth: OAuthClient, grant: SecuconnectCredentials.Grant, margin: Duration, logger: Logger) {
        self.oauth = oauth
        self.margin = margin
        self.logger = logger
        switch grant {
        case .clientCredentials: renewsWithRefreshToken = false
        case .refreshToken(let token):
            renewsWithRefreshToken = true
            refreshToken = token
        }
    }

    /// A token that is valid for at least the margin.
    func token() async throws(SecuconnectError) -> Secret {
        if let current, ContinuousClock.now < current.validUntil { return current.token }
        let task = inFlight ?? Task { await self.fetch() }
        inFlight = task
        let result = await task.value
        if inFlight == task { inFlight = nil }
        return try result.get().token
    }

    /// Forgets `token` if it is still the current one, so the next call fetches a new token.
    func invalidate(_ token: Secret) {
        guard current?.token == token else { return }
        current = nil
        logger.info("the API refused the access token; a new one will be requested")
    }

    /// Takes over a device session (the device authorization): from now on tokens are renewed
    /// with its refresh token.
    func adopt(_ issued: IssuedToken) {
        if issued.refreshToken != nil { renewsWithRefreshToken = true }
        _ = remember(issued)
    }

    /// Every secret the store holds, to be hidden from error messages.
    func secrets() -> [Secret] {
        [current?.token, refreshToken].compactMap { $0 }
    }

    private func fetch() async -> Result<Cached, SecuconnectError> {
        do {
            return .success(try await request(refreshToken.map { .refreshToken($0) } ?? .clientCredentials))
        } catch {
            return .failure(error)
        }
    }

    private func request(_ grant: TokenGrant) async throws(SecuconnectError) -> Cached {
        let issued = try await oauth.token(grant)
        logger.info("obtained an access token", metadata: ["grant": "\(grant.name)", "expires_in": "\(issued.expiresIn ?? 0)"])
        return remember(issued)
    }

    private func remember(_ issued: IssuedToken) -> Cached {
        let cached = cache(issued)
        current = cached
        if let refresh = issued.refreshToken, renewsWithRefreshToken { refreshToken = refresh }
        return cached
    }

    private func cache(_ issued: IssuedToken) -> Cached {
        let lifetime = Duration.seconds(issued.expiresIn ?? 1200)
        let usable = lifetime > margin ? lifetime - margin : lifetime / 2
        return Cached(token: issued.accessToken, validUntil: ContinuousClock.now + usable)
    }
}
