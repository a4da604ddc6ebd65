/// Everything that can go wrong when a ``LuaSandbox`` compiles or runs Lua code.
public enum LuaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The chunk does not compile, e.g. `"checkout.lua:3: '=' expected near 'x'"`.
    case syntax(message: String)
    /// The code raised an error; `message` begins with `"checkout.lua:12: "` when the error was a
    /// string raised at a known line, and `traceback` is Lua's `stack traceback:` text.
    case runtime(message: String, traceback: String)
    /// The run needed more Lua memory than ``LuaLimits/maxMemory`` (the limit, in bytes).
    case memoryLimit(bytes: Int)
    /// The run executed more than ``LuaLimits/maxInstructions`` (the limit).
    case instructionLimit(count: Int)
    /// The run spent more than ``LuaLimits/timeout`` inside Lua (the limit).
    case timeout(Duration)
    /// The run printed more than ``LuaLimits/maxLogBytes`` (the limit).
    case outputLimit(bytes: Int)
    /// Misuse or failure on the host side (no such function, a value that cannot be copied, …).
    case host(message: String)

    /// One sentence that says what happened and what to do.
    public var description: String {
        switch self {
        case .syntax(let message):
            "syntax error: \(message)"
        case .runtime(let message, _):
            "runtime error: \(message)"
        case .memoryLimit(let bytes):
            "the script exceeded its memory limit of \(bytes) bytes; build smaller tables and strings or raise the limit"
        case .instructionLimit(let count):
            "the script exceeded its limit of \(count) instructions; look for an endless loop or raise the limit"
        case .timeout(let duration):
            "the script ran longer than its time limit of \(duration); look for an endless loop or raise the limit"
        case .outputLimit(let bytes):
            "the script printed more than its log limit of \(bytes) bytes; print less or raise the limit"
        case .host(let message):
            "host error: \(message)"
        }
    }

    /// Whether this error is one of the limits (memory, instructions, time, output).
    public var isLimit: Bool {
        switch self {
        case .memoryLimit, .instructionLimit, .timeout, .outputLimit: true
        case .syntax, .runtime, .host: false
        }
    }
}
