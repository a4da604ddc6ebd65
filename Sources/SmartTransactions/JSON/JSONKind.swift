/// A JSON value's kind: a field whose value has its ``JSONField/plainKind`` is valid without
/// reading it, so validation builds no path for it.
enum JSONKind: Sendable {
    case int, string, bool, any

    /// Whether `value` is of this kind.
    func matches(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (.int, .int), (.string, .string), (.bool, .bool), (.any, _): true
        default: false
        }
    }
}
