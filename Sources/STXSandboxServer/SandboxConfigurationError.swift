/// A fault or rule that cannot be understood.
public enum SandboxConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A fault item is malformed: the item and the accepted forms.
    case badFault(String, String)
    /// A fault rule is malformed: the rule and the accepted form.
    case badRule(String, String)
    /// The server stopped before it was listening: why.
    case notStarted(String)

    /// One sentence naming the bad item and what is accepted.
    public var description: String {
        switch self {
        case .badFault(let item, let help): "the fault '\(item)' is not understood: \(help)"
        case .badRule(let rule, let help): "the fault rule '\(rule)' is not understood: \(help)"
        case .notStarted(let reason): "the sandbox did not start: \(reason)"
        }
    }
}
