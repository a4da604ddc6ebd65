/// What the current run of a ``LuaSandbox`` has used so far.
public struct LuaUsage: Sendable, Equatable {
    /// VM instructions (counted in steps of 1,000) plus charged library work.
    public var instructions: Int
    /// Bytes of Lua memory in use now (the whole state).
    public var memory: Int
    /// The most bytes of Lua memory in use at once during the run.
    public var peakMemory: Int
}
