/// A confidential string (client secret, access token, refresh token) that never shows itself.
///
/// `description`, `debugDescription`, `dump` and string interpolation all print `<redacted>`;
/// only ``reveal()`` hands out the value, and the client calls it solely to build a request.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    private let value: String

    /// Wraps a confidential value.
    /// - Parameter value: the secret text.
    public init(_ value: String) {
        self.value = value
    }

    /// The secret text. Call it only where the value must leave the process (a request body or header).
    /// - Returns: the wrapped value.
    public func reveal() -> String {
        value
    }

    /// Whether the secret is the empty string.
    public var isEmpty: Bool { value.isEmpty }

    /// Always `<redacted>`.
    public var description: String { "<redacted>" }

    /// Always `Secret(<redacted>)`.
    public var debugDescription: String { "Secret(<redacted>)" }

    /// A mirror without children, so `dump` and reflection cannot reach the value.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
