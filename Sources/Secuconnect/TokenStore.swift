import Logging

/// Caches the access token until its expiry less a margin, fetches a new one when needed (one
/// fetch at a time, shared by concurrent callers) and forgets a token the API refused.
actor TokenStore {
    private struct Cached {
        var token: Secret
        var validUntil: ContinuousClock.Instant
    }

    private let oauth: OAuthClient
    private let margin: Duration
    private let logger: Logger
    private var refreshToken: Secret?
    private var current: Cached?
    private var inFlight: Task<Result<Cached, SecuconnectError>, Never>?

    init(oauth: OAuthClient, grant: SecuconnectCredentials.Grant, margin: Duration, logger: Logger) {
        self.oauth = oauth
        self.margin = margin
        self.logger = logger
        if case .refreshToken(let token) = grant { refreshToken = token }
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

    /// Takes over a token obtained elsewhere (the device authorization).
    func adopt(_ issued: IssuedToken) {
        current = cache(issued)
        if let refresh = issued.refreshToken { refreshToken = refresh }
    }

    /// Every secret the store holds, to be hidden from error messages.
    func secrets() -> [Secret] {
        [current?.token, refreshToken].compactMap { $0 }
    }

    private func fetch() async -> Result<Cached, SecuconnectError> {
        let grant: TokenGrant = refreshToken.map { .refreshToken($0) } ?? .clientCredentials
        do {
            let issued = try await oauth.token(grant)
            adopt(issued)
            logger.info("obtained an access token", metadata: ["grant": "\(grant.name)", "expires_in": "\(issued.expiresIn ?? 0)"])
            return .success(cache(issued))
        } catch {
            return .failure(error)
        }
    }

    private func cache(_ issued: IssuedToken) -> Cached {
        let lifetime = Duration.seconds(issued.expiresIn ?? 1200)
        let usable = lifetime > margin ? lifetime - margin : lifetime / 2
        return Cached(token: issued.accessToken, validUntil: ContinuousClock.now + usable)
    }
}
