/// A fault the server injects by itself into requests of one route (server configuration), for
/// clients that cannot send the `X-STX-Fault` header.
public struct SandboxFaultRule: Sendable, Equatable, CustomStringConvertible {
    /// The route whose requests get the fault.
    public var route: SandboxRoute
    /// The misbehaviour.
    public var fault: SandboxFault
    /// How many matching requests get it; `nil` means all of them.
    public var times: Int?

    /// Creates a rule.
    /// - Parameters:
    ///   - route: the route whose requests get the fault.
    ///   - fault: the misbehaviour.
    ///   - times: how many matching requests get it (`nil`: all).
    public init(route: SandboxRoute, fault: SandboxFault, times: Int? = nil) {
        self.route = route
        self.fault = fault
        self.times = times
    }

    /// Parses `ROUTE:FAULTS[#N]`, e.g. `start:drop-after-commit#1` or `create:status=503`.
    /// - Parameter text: the rule; `FAULTS` uses the header syntax of ``SandboxFault``.
    /// - Throws: ``SandboxConfigurationError`` naming what is not understood.
    public init(parsing text: String) throws(SandboxConfigurationError) {
        let help = "use ROUTE:FAULTS[#N] with ROUTE one of "
            + SandboxRoute.allCases.map(\.rawValue).joined(separator: ", ") + ", e.g. start:drop-after-commit#1"
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let route = SandboxRoute(rawValue: parts[0].trimmingCharacters(in: .whitespaces)) else {
            throw .badRule(text, help)
        }
        let countParts = parts[1].split(separator: "#", maxSplits: 1).map(String.init)
        var times: Int?
        if countParts.count == 2 {
            guard let count = Int(countParts[1]), count > 0 else { throw .badRule(text, help) }
            times = count
        }
        self.init(route: route, fault: try SandboxFault(parsing: countParts.first ?? ""), times: times)
    }

    /// `ROUTE:FAULTS[#N]`.
    public var description: String { "\(route.rawValue):\(fault)" + (times.map { "#\($0)" } ?? "") }
}
