import Hummingbird
import NIOCore

/// What happens to every request, around its endpoint: counting, faults, the token check, and
/// dropping the connection after the commit.
struct SandboxPipeline: Sendable {
    let tokens: TokenRegistry
    let ledger: SandboxLedger
    let plan: FaultPlan

    /// The largest request body accepted.
    static let maxBodyBytes = 1 << 20

    /// Serves one request of `route`.
    /// - Parameters:
    ///   - route: the endpoint.
    ///   - id: the transaction id or receipt number in the path, for the ledger.
    ///   - authenticated: whether a valid bearer token is required.
    ///   - endpoint: answers the request from its body.
    func serve(
        _ route: SandboxRoute, id: String?, request: Request, context: SandboxContext, authenticated: Bool = true,
        endpoint: @Sendable ([UInt8], Request) async -> Response
    ) async throws -> Response {
        ledger.record(route, id: id)
        let fault: SandboxFault
        do {
            fault = try plan.take(route).merged(with: headerFault(request))
        } catch {
            return SandboxReply.error(
                status: 400, error: "ProductFormatException", details: "\(error)", user: "Die Anfrage ist ungültig.", code: 400)
        }
        if let delay = fault.delay { try await Task.sleep(for: delay) }
        if let status = fault.status { return injectedError(status) }
        if authenticated, let refusal = authorize(request, expire: fault.expireToken) { return refusal }
        var request = request
        let body = try await request.collectBody(upTo: Self.maxBodyBytes)
        let response = await endpoint(Array(body.readableBytesView), request)
        if fault.dropAfterCommit {
            context.logger.info("fault: dropping the connection after the commit", metadata: ["route": "\(route)"])
            try? await context.channel.close()
        }
        return response
    }

    private func headerFault(_ request: Request) throws(SandboxConfigurationError) -> SandboxFault {
        let name = SandboxFault.headerName.lowercased()
        guard let value = request.headers.first(where: { $0.name.canonicalName == name })?.value else {
            return SandboxFault()
        }
        return try SandboxFault(parsing: value)
    }

    private func injectedError(_ status: Int) -> Response {
        let exception = status >= 500 ? "ProductInternalException" : "ProductFormatException"
        return SandboxReply.error(
            status: status, error: exception, details: "fault injected: status=\(status)",
            user: "Der Dienst ist vorübergehend nicht verfügbar.", code: status)
    }

    /// `nil` when the request carries a valid token; otherwise the API's refusal.
    private func authorize(_ request: Request, expire: Bool) -> Response? {
        let header = request.headers[.authorization] ?? ""
        guard header.lowercased().hasPrefix("bearer "), case let token = String(header.dropFirst(7)), !token.isEmpty else {
            ledger.recordTokenRefused()
            return SandboxReply.error(
                status: 401, error: "ProductNotAllowedException",
                details: "Authorization header with Bearer token required", user: "Anmeldung erforderlich", code: 2002)
        }
        if expire { tokens.expire(token) }
        guard tokens.check(token) == .valid else {
            ledger.recordTokenRefused()
            return SandboxReply.error(
                status: 403, error: "ProductNotAllowedException", details: "Valid auth token required",
                user: "Zugriff verweigert", code: 2003)
        }
        return nil
    }
}
