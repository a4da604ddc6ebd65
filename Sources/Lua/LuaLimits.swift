/// The limits of one run of a ``LuaSandbox`` (everything between two resets).
///
/// A script cannot escape them: `pcall`, `xpcall` and coroutines re-raise a limit error at once,
/// and work inside C library functions (`string.rep`, pattern matching, `table.concat`, …) is
/// charged to the instruction budget.
public struct LuaLimits: Sendable, Equatable {
    /// VM instructions plus charged library work per run.
    public var maxInstructions: Int = 20_000_000
    /// Bytes of Lua memory for the whole state (the libraries take about 30 KiB of it).
    public var maxMemory: Int = 32 * 1024 * 1024
    /// Wall-clock time spent inside Lua per run, summed over all calls of the run.
    public var timeout: Duration = .seconds(1)
    /// Bytes of `print` output per run (each line counts its length plus one); over it → `.outputLimit`.
    public var maxLogBytes: Int = 64 * 1024

    /// The defaults: 20,000,000 instructions, 32 MiB, 1 s, 64 KiB of log.
    public static let `default` = LuaLimits()

    /// Creates limits; every parameter defaults to the value of ``default``.
    /// - Parameters:
    ///   - maxInstructions: VM instructions plus charged library work per run.
    ///   - maxMemory: bytes of Lua memory.
    ///   - timeout: wall-clock time inside Lua per run.
    ///   - maxLogBytes: bytes of captured `print` output per run.
    public init(
        maxInstructions: Int = 20_000_000,
        maxMemory: Int = 32 * 1024 * 1024,
        timeout: Duration = .seconds(1),
        maxLogBytes: Int = 64 * 1024
    ) {
        self.maxInstructions = maxInstructions
        self.maxMemory = maxMemory
        self.timeout = timeout
        self.maxLogBytes = maxLogBytes
    }
}
