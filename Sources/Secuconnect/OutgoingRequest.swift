import NIOHTTP1

/// A request as the client builds it, before async-http-client sees it.
struct OutgoingRequest: Sendable {
    var method: HTTPMethod
    var url: String
    var headers: [(String, String)]
    var body: [UInt8]?
    /// The path without scheme, host or query, safe to log.
    var pathForLog: String

    init(method: HTTPMethod, base: String, path: String, headers: [(String, String)] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = base + path
        self.headers = headers
        self.body = body
        self.pathForLog = path
    }
}
