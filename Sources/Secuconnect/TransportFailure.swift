/// A request that got no HTTP answer.
public struct TransportFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is known about the request's fate.
    public enum Kind: Sendable, Equatable {
        /// No connection was made: the server never saw the request.
        case notDelivered
        /// No answer within the timeout: the server may or may not have executed the request.
        case timedOut
        /// The connection broke before the answer was complete: the request may have been executed.
        case connectionLost
    }

    /// What is known about the request's fate.
    public var kind: Kind
    /// The underlying error, in words.
    public var detail: String

    /// Creates a transport failure.
    /// - Parameters:
    ///   - kind: what is known about the request's fate.
    ///   - detail: the underlying error, in words.
    public init(kind: Kind, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// `no connection`, `timed out` or `connection lost`, with the detail.
    public var description: String {
        switch kind {
        case .notDelivered: "no connection to secuconnect (\(detail))"
        case .timedOut: "no answer from secuconnect in time (\(detail))"
        case .connectionLost: "the connection to secuconnect broke before the answer (\(detail))"
        }
    }
}
