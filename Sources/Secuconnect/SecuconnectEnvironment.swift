import Foundation

/// Where the client sends its requests: secupay's testing host, the live host, or any base URL
/// (the local sandbox, a proxy).
public enum SecuconnectEnvironment: Sendable, Equatable, CustomStringConvertible {
    /// `https://connect-testing.secuconnect.com`.
    case testing
    /// `https://connect.secucard.com`.
    case live
    /// A host root such as `http://127.0.0.1:8080`; `/api/v2` and `/oauth/token` are appended.
    case custom(URL)

    /// Parses the CLI's `--env` value: `testing`, `live`, or a URL.
    ///
    /// A URL must be `https`, or `http` on a loopback host (the sandbox), so that credentials never
    /// travel in clear text over a network. A trailing `/api/v2` or `/` is ignored.
    /// - Parameter text: `testing`, `live`, or a URL such as `http://127.0.0.1:8080`.
    /// - Throws: ``SecuconnectError/invalidEnvironment(_:)`` naming the accepted forms.
    public init(parsing text: String) throws(SecuconnectError) {
        switch text.lowercased() {
        case "testing": self = .testing
        case "live": self = .live
        default: self = .custom(try Self.parseRoot(text))
        }
    }

    /// The API base, e.g. `https://connect-testing.secuconnect.com/api/v2`.
    public var apiBaseURL: String { root + "/api/v2" }

    /// The OAuth token endpoint, e.g. `https://connect-testing.secuconnect.com/oauth/token`.
    public var tokenURL: String { root + "/oauth/token" }

    /// `testing`, `live`, or the custom root URL.
    public var description: String {
        switch self {
        case .testing: "testing"
        case .live: "live"
        case .custom: root
        }
    }

    private var root: String {
        switch self {
        case .testing: "https://connect-testing.secuconnect.com"
        case .live: "https://connect.secucard.com"
        case .custom(let url): url.absoluteString
        }
    }

    private static func parseRoot(_ text: String) throws(SecuconnectError) -> URL {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        if trimmed.hasSuffix("/api/v2") { trimmed.removeLast("/api/v2".count) }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
            let host = url.host, !host.isEmpty, url.query == nil, url.user == nil
        else {
            throw .invalidEnvironment(
                "'\(text)' is not an environment: use testing, live, or a URL such as http://127.0.0.1:8080")
        }
        guard scheme == "https" || (scheme == "http" && isLoopback(host)) else {
            throw .invalidEnvironment(
                "'\(text)' would send credentials in clear text: use https, or http only on 127.0.0.1/localhost")
        }
        return url
    }

    private static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased())
    }
}
