import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One HTTP exchange over async-http-client, with failures sorted by what they mean for the
/// request's fate. It never logs headers or bodies (they carry secrets).
struct HTTPTransport: Sendable {
    let client: HTTPClient
    let extraHeaders: [String: String]
    let userAgent: String
    let maxResponseBytes: Int
    let logger: Logger

    /// Makes the async-http-client this transport uses: no redirects, no connection retries (a failed
    /// connection must surface at once as "not delivered"), the given connect timeout.
    static func makeClient(connectTimeout: Duration) -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: connectTimeout.timeAmount, read: nil))
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// Sends a request and collects the whole answer.
    func send(_ request: OutgoingRequest, timeout: Duration) async throws(TransportFailure) -> HTTPReply {
        let started = ContinuousClock.now
        logger.debug("request", metadata: ["method": "\(request.method.rawValue)", "path": "\(request.pathForLog)"])
        do {
            let response = try await client.execute(prepare(request), timeout: timeout.timeAmount, logger: logger)
            let body = try await response.body.collect(upTo: maxResponseBytes)
            let reply = HTTPReply(status: Int(response.status.code), body: Data(body.readableBytesView))
            logger.debug(
                "response",
                metadata: [
                    "method": "\(request.method.rawValue)", "path": "\(request.pathForLog)",
                    "status": "\(reply.status)", "duration": "\(ContinuousClock.now - started)",
                ])
            return reply
        } catch {
            let failure = Self.classify(error)
            logger.notice(
                "no answer",
                metadata: ["method": "\(request.method.rawValue)", "path": "\(request.pathForLog)", "failure": "\(failure)"])
            throw failure
        }
    }

    private func prepare(_ request: OutgoingRequest) -> HTTPClientRequest {
        var prepared = HTTPClientRequest(url: request.url)
        prepared.method = request.method
        prepared.headers.add(name: "User-Agent", value: userAgent)
        prepared.headers.add(name: "Accept", value: "application/json")
        for (name, value) in extraHeaders { prepared.headers.replaceOrAdd(name: name, value: value) }
        for (name, value) in request.headers { prepared.headers.replaceOrAdd(name: name, value: value) }
        if let body = request.body {
            prepared.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
            prepared.body = .bytes(ByteBuffer(bytes: body))
        }
        return prepared
    }

    /// Errors raised before a connection existed: the server never saw the request.
    private static let notDeliveredErrors: [HTTPClientError] = [
        .connectTimeout, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout, .alreadyShutdown, .invalidURL,
        .emptyHost, .emptyScheme, .socksHandshakeTimeout, .httpProxyHandshakeTimeout,
    ]

    /// Errors of a request that ran out of time: the server may have executed it.
    private static let timeoutErrors: [HTTPClientError] = [.deadlineExceeded, .readTimeout, .writeTimeout]

    /// Sorts an async-http-client/NIO error by what it means for the request's fate.
    static func classify(_ error: any Error) -> TransportFailure {
        if let error = error as? HTTPClientError {
            if notDeliveredErrors.contains(error) {
                return TransportFailure(kind: .notDelivered, detail: error.shortDescription)
            }
            if timeoutErrors.contains(error) { return TransportFailure(kind: .timedOut, detail: error.shortDescription) }
            return TransportFailure(kind: .connectionLost, detail: error.shortDescription)
        }
        if error is NIOConnectionError { return TransportFailure(kind: .notDelivered, detail: "\(error)") }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return TransportFailure(kind: .notDelivered, detail: "\(error)")
        }
        if let error = error as? IOError, [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH].contains(error.errnoCode) {
            return TransportFailure(kind: .notDelivered, detail: "\(error)")
        }
        return TransportFailure(kind: .connectionLost, detail: "\(error)")
    }
}
