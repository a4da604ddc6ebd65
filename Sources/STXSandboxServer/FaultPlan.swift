import Synchronization

/// The configured fault rules, used up as matching requests arrive.
final class FaultPlan: Sendable {
    private let rules: Mutex<[SandboxFaultRule]>

    init(_ rules: [SandboxFaultRule]) {
        self.rules = Mutex(rules)
    }

    /// The combined fault of every rule for `route`, each counting one use.
    func take(_ route: SandboxRoute) -> SandboxFault {
        rules.withLock { rules in
            var fault = SandboxFault()
            for index in rules.indices where rules[index].route == route && rules[index].times != 0 {
                fault = fault.merged(with: rules[index].fault)
                rules[index].times = rules[index].times.map { $0 - 1 }
            }
            return fault
        }
    }
}
