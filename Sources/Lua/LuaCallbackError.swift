/// An error a Swift function raises in Lua: the script sees `"checkout.lua:7: <message>"`, which
/// `pcall` can catch like any Lua error.
public struct LuaCallbackError: Error, Sendable, Equatable {
    /// The message, without position (the sandbox prepends the script's file and line).
    public var message: String

    /// Creates an error.
    /// - Parameter message: what went wrong, in words a script author understands.
    public init(_ message: String) {
        self.message = message
    }

    /// Creates an error.
    /// - Parameter message: what went wrong, in words a script author understands.
    public init(message: String) {
        self.message = message
    }
}
