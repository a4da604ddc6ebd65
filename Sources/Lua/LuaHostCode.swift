/// Trusted host Lua code, such as the checkout object model.
///
/// It is loaded once per state with the full standard library (it may keep `debug.getinfo` and
/// the like as upvalues) before the sandbox is restricted, and must return a table of functions.
/// After each reset, if that table has `install`, the sandbox calls `install(env)` with the fresh
/// script environment. ``LuaSandbox/callHost(_:_:)`` calls one of its functions. Host code runs
/// under the same limits as scripts. It still gets the sandbox's `pcall`, `print`,
/// `setmetatable` (no `__gc`) and bounded string/table functions, so no Lua code ever runs
/// during garbage collection.
public struct LuaHostCode: Sendable {
    /// The Lua source (text).
    public var source: String
    /// The name used in messages, e.g. `"checkout-model.lua"`.
    public var chunkName: String

    /// Creates host code.
    /// - Parameters:
    ///   - source: the Lua source; it must return a table of functions.
    ///   - chunkName: the name used in error messages and tracebacks.
    public init(source: String, chunkName: String) {
        self.source = source
        self.chunkName = chunkName
    }
}
