import Hummingbird
import Logging
import NIOCore
import STXEmulator

/// The local secuconnect: the Smart Transactions endpoints and `/oauth/token` over real HTTP on
/// loopback, backed by the emulator, with faults injected on demand.
///
/// From a CLI: `try await SandboxServer.run(port: 8080)` serves until SIGINT/SIGTERM.
/// From tests: `try await SandboxServer(configuration: .init(port: 0)).withRunning { endpoint in … }`
/// serves on a free port while the closure runs.
public final class SandboxServer: Sendable {
    /// The configuration the server was made with.
    public let configuration: SandboxConfiguration
    /// What the server saw: requests, commits (charges), tokens.
    public let ledger: SandboxLedger
    let tokens: TokenRegistry
    let emulator: TransactionEmulator
    let logger: Logger

    /// Creates a server; nothing listens until ``run(onReady:)`` or ``withRunning(_:)``.
    /// - Parameters:
    ///   - configuration: host, port, clients, token lifetime, faults, the emulator's clock and seed.
    ///   - logger: request and fault logs.
    public init(configuration: SandboxConfiguration = .init(), logger: Logger = Logger(label: "stx.sandbox")) {
        self.configuration = configuration
        self.ledger = SandboxLedger()
        self.tokens = TokenRegistry(lifetime: configuration.tokenLifetime)
        self.emulator = TransactionEmulator(clock: configuration.clock, seed: configuration.seed)
        self.logger = logger
    }

    /// Serves on `127.0.0.1:port` until SIGINT or SIGTERM: the `stx-run sandbox` command.
    /// - Parameters:
    ///   - port: the port; 0 picks a free one.
    ///   - faults: faults the server injects by itself.
    ///   - onReady: called with the endpoint once the server listens (e.g. to print its URL).
    /// - Throws: when the port cannot be bound.
    public static func run(
        port: Int, faults: [SandboxFaultRule] = [], onReady: @escaping @Sendable (SandboxEndpoint) async -> Void = { _ in }
    ) async throws {
        let server = SandboxServer(configuration: SandboxConfiguration(port: port, faults: faults))
        try await server.makeApplication(onReady: onReady).runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    /// Serves until the calling task is cancelled.
    /// - Parameter onReady: called with the endpoint once the server listens.
    /// - Throws: when the port cannot be bound.
    public func run(onReady: @escaping @Sendable (SandboxEndpoint) async -> Void = { _ in }) async throws {
        try await makeApplication(onReady: onReady).run()
    }

    /// Serves while `body` runs, then stops: the way tests use the sandbox.
    /// - Parameter body: receives the endpoint (use a configuration with port 0 for a free port).
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws, or ``SandboxConfigurationError/notStarted(_:)``.
    public func withRunning<T>(_ body: (SandboxEndpoint) async throws -> T) async throws -> T {
        let (ready, readyContinuation) = AsyncStream<SandboxEndpoint>.makeStream()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { readyContinuation.finish() }
                try await self.run { readyContinuation.yield($0) }
            }
            var iterator = ready.makeAsyncIterator()
            guard let endpoint = await iterator.next() else {
                try await group.next()
                throw SandboxConfigurationError.notStarted("the server stopped before listening")
            }
            defer { group.cancelAll() }
            return try await body(endpoint)
        }
    }

    func makeApplication(onReady: @escaping @Sendable (SandboxEndpoint) async -> Void)
        -> some ApplicationProtocol
    {
        let host = configuration.host
        return Application(
            router: makeRouter(),
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: configuration.port), serverName: "stx-sandbox"),
            onServerRunning: { channel in
                await onReady(SandboxEndpoint(host: host, port: channel.localAddress?.port ?? 0))
            },
            logger: logger)
    }

    private func makeRouter() -> Router<SandboxContext> {
        let router = Router(context: SandboxContext.self)
        let pipeline = SandboxPipeline(tokens: tokens, ledger: ledger, plan: FaultPlan(configuration.faults))
        let oauth = OAuthEndpoint(configuration: configuration, tokens: tokens, ledger: ledger)
        router.post("/oauth/token") { request, context in
            try await pipeline.serve(.token, id: nil, request: request, context: context, authenticated: false) { body, request in
                oauth.respond(to: OAuthEndpoint.fields(of: body, contentType: request.headers[.contentType]))
            }
        }
        TransactionEndpoints(pipeline: pipeline, emulator: emulator, ledger: ledger).register(on: router)
        return router
    }
}
