import Synchronization

/// What the sandbox saw: requests per route and transaction, committed starts (charges) per
/// transaction, tokens issued. Tests assert on it; it is thread-safe.
public final class SandboxLedger: Sendable {
    private struct State {
        var requests: [SandboxRoute: [String: Int]] = [:]
        var commits: [String: Int] = [:]
        var tokensIssued: [String: Int] = [:]
        var tokensRefused = 0
    }

    private let state = Mutex(State())

    /// Creates an empty ledger.
    public init() {}

    /// How many requests reached `route`, for one transaction id (or receipt number) or for all.
    /// - Parameters:
    ///   - route: the route.
    ///   - id: the transaction id, receipt number, or `nil` for all requests of the route.
    /// - Returns: the count, including requests that failed or were faulted.
    public func requests(_ route: SandboxRoute, id: String? = nil) -> Int {
        state.withLock { state in
            let counts = state.requests[route] ?? [:]
            guard let id else { return counts.values.reduce(0, +) }
            return counts[id] ?? 0
        }
    }

    /// How many starts of `id` were committed (the payment executed): the number of charges.
    /// - Parameter id: the transaction id.
    /// - Returns: the count.
    public func commits(_ id: String) -> Int {
        state.withLock { $0.commits[id] ?? 0 }
    }

    /// All committed starts, over all transactions.
    public var totalCommits: Int { state.withLock { $0.commits.values.reduce(0, +) } }

    /// How many access tokens `/oauth/token` issued.
    public var tokensIssued: Int { state.withLock { $0.tokensIssued.values.reduce(0, +) } }

    /// How many access tokens `/oauth/token` issued for one grant type.
    /// - Parameter grant: `client_credentials`, `device` or `refresh_token`.
    /// - Returns: the count.
    public func tokensIssued(grant: String) -> Int {
        state.withLock { $0.tokensIssued[grant] ?? 0 }
    }

    /// How many API requests were refused for a missing, unknown or expired token.
    public var tokensRefused: Int { state.withLock { $0.tokensRefused } }

    func record(_ route: SandboxRoute, id: String?) {
        state.withLock { $0.requests[route, default: [:]][id ?? "", default: 0] += 1 }
    }

    func recordCommit(_ id: String) {
        state.withLock { $0.commits[id, default: 0] += 1 }
    }

    func recordTokenIssued(grant: String) {
        state.withLock { $0.tokensIssued[grant, default: 0] += 1 }
    }

    func recordTokenRefused() {
        state.withLock { $0.tokensRefused += 1 }
    }
}
