import AsyncHTTPClient
import Foundation
import Logging
import NIOHTTP1
import SmartTransactions

/// The secuconnect Smart Transactions client: OAuth tokens, the endpoints, and a `start` that never
/// charges twice.
///
/// Create one per process, call ``shutdown()`` when done. Tokens are cached until their expiry less
/// ``SecuconnectConfiguration/tokenExpiryMargin``; a request the API refuses for its token (401, or
/// 403 `ProductNotAllowedException`) is sent once more with a fresh token. Reads are retried; nothing
/// else is, and ``start(_:method:body:)`` follows the README's "No double charge" state machine.
/// No secret appears in its description, its logs or its errors.
public final class SecuconnectClient: Sendable, CustomStringConvertible, CustomReflectable {
    /// Where requests go.
    public let environment: SecuconnectEnvironment
    /// The client's behaviour.
    public let configuration: SecuconnectConfiguration
    let credentials: SecuconnectCredentials
    let logger: Logger
    let transport: HTTPTransport
    let oauth: OAuthClient
    let tokens: TokenStore

    /// Creates a client. No request is made until the first call.
    /// - Parameters:
    ///   - environment: testing, live, or a custom URL (e.g. the sandbox).
    ///   - credentials: the OAuth credentials, e.g. from ``SecuconnectCredentials/fromEnvironment(_:)``.
    ///   - configuration: timeouts and policies; production defaults.
    ///   - logger: where requests, token events and start decisions are logged (never secrets);
    ///     by default warnings and errors go to stderr, so stdout stays free for a CLI's output.
    public init(
        environment: SecuconnectEnvironment, credentials: SecuconnectCredentials,
        configuration: SecuconnectConfiguration = .init(), logger: Logger = SecuconnectClient.defaultLogger()
    ) {
        self.environment = environment
        self.configuration = configuration
        self.credentials = credentials
        self.logger = logger
        transport = HTTPTransport(
            client: HTTPTransport.makeClient(connectTimeout: configuration.timeouts.connect),
            extraHeaders: configuration.extraHeaders, userAgent: configuration.userAgent,
            maxResponseBytes: configuration.maxResponseBytes, logger: logger)
        oauth = OAuthClient(
            transport: transport, tokenURL: environment.tokenURL, timeout: configuration.timeouts.request,
            clientID: credentials.clientID, clientSecret: credentials.clientSecret)
        tokens = TokenStore(
            oauth: oauth, grant: credentials.grant, margin: configuration.tokenExpiryMargin, logger: logger)
    }

    /// A logger that writes warnings and errors to stderr.
    /// - Returns: the logger labelled `stx.secuconnect`.
    public static func defaultLogger() -> Logger {
        var logger = Logger(label: "stx.secuconnect") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning
        return logger
    }

    /// Closes the client's connections. Call it once, after the last request.
    public func shutdown() async {
        do {
            try await transport.client.shutdown()
        } catch {
            logger.debug("shutdown", metadata: ["error": "\(error)"])
        }
    }

    /// The environment and the credentials' description (secrets redacted).
    public var description: String { "SecuconnectClient(environment: \(environment), credentials: \(credentials))" }

    /// A mirror with the environment and the redacted credentials only.
    public var customMirror: Mirror {
        Mirror(self, children: ["environment": environment.description, "credentials": credentials.description])
    }

    // MARK: - Sending

    /// Sends an API request with a valid token, and once more with a fresh token if the API refuses it.
    /// - Returns: the answer, or the transport failure of the API request itself.
    /// - Throws: only when no token can be obtained: the API request was not executed then.
    func authorized(_ method: HTTPMethod, _ path: String, body: JSONValue?, timeout: Duration)
        async throws(SecuconnectError) -> Result<HTTPReply, TransportFailure>
    {
        let token = try await tokens.token()
        let first = await send(method, path, body: body, token: token, timeout: timeout)
        guard case .success(let reply) = first, APIReply.isTokenRefusal(reply) else { return first }
        await tokens.invalidate(token)
        let fresh = try await tokens.token()
        return await send(method, path, body: body, token: fresh, timeout: timeout)
    }

    /// An authorized request whose failures all become ``SecuconnectError``.
    func exchange(_ operation: String, _ method: HTTPMethod, _ path: String, body: JSONValue? = nil)
        async throws(SecuconnectError) -> HTTPReply
    {
        switch try await authorized(method, path, body: body, timeout: configuration.timeouts.request) {
        case .success(let reply): return reply
        case .failure(let failure): throw .transport(operation: operation, failure)
        }
    }

    /// Every secret that must not appear in an error message.
    func secrets() async -> [Secret] {
        await [credentials.clientSecret] + tokens.secrets()
    }

    private func send(_ method: HTTPMethod, _ path: String, body: JSONValue?, token: Secret, timeout: Duration)
        async -> Result<HTTPReply, TransportFailure>
    {
        let request = OutgoingRequest(
            method: method, base: environment.apiBaseURL, path: path,
            headers: [("Authorization", "Bearer \(token.reveal())")],
            body: body.map { Array(JSON.serialize($0, pretty: false)) })
        do {
            return .success(try await transport.send(request, timeout: timeout))
        } catch {
            return .failure(error)
        }
    }
}
