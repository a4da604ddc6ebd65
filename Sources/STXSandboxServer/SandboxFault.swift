/// Misbehaviour injected into one request, from the `X-STX-Fault` header or a configured
/// ``SandboxFaultRule``.
///
/// Header syntax: items separated by `;` or `,`: `delay=<ms>`, `status=<code>`,
/// `drop-after-commit`, `expire-token`. Example: `X-STX-Fault: delay=2000; drop-after-commit`.
public struct SandboxFault: Sendable, Equatable, CustomStringConvertible {
    /// The header that carries a fault.
    public static let headerName = "X-STX-Fault"

    /// Wait this long before handling the request (for `start`: before the payment is committed).
    public var delay: Duration?
    /// Answer with this HTTP status and an error payload instead of handling the request.
    public var status: Int?
    /// Handle the request (commit it), then close the connection without answering.
    public var dropAfterCommit: Bool
    /// Treat the request's access token as expired (it stays expired).
    public var expireToken: Bool

    /// Creates a fault; no argument means no misbehaviour.
    /// - Parameters:
    ///   - delay: the wait before handling.
    ///   - status: the HTTP status to answer with instead.
    ///   - dropAfterCommit: whether to close the connection after handling, without an answer.
    ///   - expireToken: whether to expire the presented token.
    public init(delay: Duration? = nil, status: Int? = nil, dropAfterCommit: Bool = false, expireToken: Bool = false) {
        self.delay = delay
        self.status = status
        self.dropAfterCommit = dropAfterCommit
        self.expireToken = expireToken
    }

    /// Parses the header syntax.
    /// - Parameter text: e.g. `delay=2000; status=503`.
    /// - Throws: ``SandboxConfigurationError`` naming the item that is not understood.
    public init(parsing text: String) throws(SandboxConfigurationError) {
        self.init()
        for item in text.split(whereSeparator: { $0 == ";" || $0 == "," }) {
            try apply(item.trimmingCharacters(in: .whitespaces))
        }
    }

    /// Whether the fault changes nothing.
    public var isEmpty: Bool { self == SandboxFault() }

    /// This fault with every misbehaviour of `other` added.
    /// - Parameter other: another fault.
    /// - Returns: the combination; `other`'s delay and status win.
    public func merged(with other: SandboxFault) -> SandboxFault {
        SandboxFault(
            delay: other.delay ?? delay, status: other.status ?? status,
            dropAfterCommit: dropAfterCommit || other.dropAfterCommit, expireToken: expireToken || other.expireToken)
    }

    /// The header syntax, e.g. `delay=2000;drop-after-commit`.
    public var description: String {
        var items: [String] = []
        if let delay { items.append("delay=\(Self.milliseconds(delay))") }
        if let status { items.append("status=\(status)") }
        if dropAfterCommit { items.append("drop-after-commit") }
        if expireToken { items.append("expire-token") }
        return items.joined(separator: ";")
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }

    private mutating func apply(_ item: String) throws(SandboxConfigurationError) {
        let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        switch (parts.first?.lowercased() ?? "", parts.count == 2 ? parts[1] : nil) {
        case ("", nil): return
        case ("delay", let value?):
            guard let ms = Int(value), (0...600_000).contains(ms) else { throw .badFault(item, "delay takes 0…600000 ms") }
            delay = .milliseconds(ms)
        case ("status", let value?):
            guard let code = Int(value), (400...599).contains(code) else { throw .badFault(item, "status takes 400…599") }
            status = code
        case ("drop-after-commit", nil): dropAfterCommit = true
        case ("expire-token", nil): expireToken = true
        default:
            throw .badFault(item, "use delay=<ms>, status=<code>, drop-after-commit or expire-token")
        }
    }
}
