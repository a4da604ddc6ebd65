/// A rule test could not be set up: an unreadable fixture, record or spec, or a transaction
/// that cannot be built. The message names the file or the field and says what to fix.
public struct TestInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One sentence that names the problem and what to do about it.
    public var message: String

    /// Creates an error.
    /// - Parameter message: The problem and what to do about it.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
