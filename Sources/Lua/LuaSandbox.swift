import CLua
import CLuaShim

/// A Lua 5.4 state restricted to the safe libraries and bounded by ``LuaLimits``.
///
/// Scripts get `string` (no `dump`), `table`, `math` (no `randomseed`; `math.random` is seeded by
/// the host), `utf8`, `coroutine` and the safe base functions; no `io`, `os`, `debug`, `package`,
/// `require`, `load*` or `dofile`, and only text chunks. `print` writes to ``log``, never stdout.
///
/// **Threads**: a sandbox is not `Sendable`. It is confined to one thread at a time; using it from a
/// second thread while a call is in progress is detected: throwing methods throw `.host`, the others
/// stop the process with a precondition failure. Calls from inside a Swift callback on the same
/// thread are allowed.
///
/// **Runs**: limits and counters cover one run, from one ``reset(randomSeed:)`` to the next. Once a
/// limit is hit, every later call of the run throws that limit error again; after `reset` the
/// sandbox is fully usable.
public final class LuaSandbox {
    /// The limits of each run.
    public let limits: LuaLimits
    let state: LuaState
    var L: OpaquePointer { state.L }
    /// The current script environment (registry reference).
    var environment: Int32 = LUA_NOREF
    /// Functions registered with ``register(_:_:)``, copied into each fresh environment.
    let registered: Int32
    /// The table returned by the host code, if any.
    var hostTable: Int32 = LUA_NOREF
    /// An error of `install(env)` during the last reset, thrown by the next call.
    var pendingError: LuaError?
    /// Time spent inside Lua during this run.
    var elapsed: Duration = .zero

    /// Creates a sandbox, loads the host code (if any) and prepares the first run.
    /// - Parameters:
    ///   - limits: the limits of each run.
    ///   - randomSeed: the seed of `math.random` for the first run.
    ///   - hostCode: trusted Lua code loaded with the full standard library before the restriction.
    /// - Throws: the host code's error (syntax, runtime, limit), or `.host` if the state cannot be made.
    public init(limits: LuaLimits = .default, randomSeed: Int = 0, hostCode: LuaHostCode? = nil) throws(LuaError) {
        self.limits = limits
        state = try LuaState()
        let L = state.L
        stx_set_limits(L, Int64(limits.maxInstructions), Int64(limits.maxMemory), Int64(limits.maxLogBytes))
        stx_newtable(L)
        registered = stx_ref(L)
        if let hostCode {
            try loadHostCode(hostCode)
        }
        guard stx_restrict(L) == LUA_OK else {
            throw .host(message: "could not restrict the Lua state (out of memory)")
        }
        reset(randomSeed: randomSeed)
        if let pendingError { throw pendingError }
    }

    // MARK: - Compiling and running

    /// Compiles a text chunk (binary chunks are refused).
    /// - Parameters:
    ///   - source: the Lua source.
    ///   - chunkName: the name in messages, e.g. `"checkout.lua"` gives `"checkout.lua:12: …"`.
    /// - Returns: the compiled chunk, to run now and after later resets.
    /// - Throws: `.syntax` with the message, `.memoryLimit`, or `.host` when used from two threads.
    public func compile(_ source: String, chunkName: String) throws(LuaError) -> LuaChunk {
        try enter()
        defer { leave() }
        var source = source
        let status = source.withUTF8 { buffer in
            chunkName.withCString { name in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    stx_load(L, chars.baseAddress, chars.count, name)
                }
            }
        }
        guard status == LUA_OK else {
            let message = LuaStack(L: L).string(at: -1) ?? "unknown error"
            stx_pop(L, 1)
            throw status == LUA_ERRSYNTAX ? .syntax(message: message) : limitError() ?? .memoryLimit(bytes: limits.maxMemory)
        }
        setEnvironment(ofFunctionAt: -1)
        return LuaChunk(state: state, reference: stx_ref(L), chunkName: chunkName)
    }

    /// Runs a chunk in the current environment (its top level defines globals there).
    /// - Parameter chunk: a chunk compiled by this sandbox.
    /// - Returns: the values the chunk returns.
    /// - Throws: `.runtime`, a limit error, or `.host` (foreign chunk, uncopyable result).
    public func run(_ chunk: LuaChunk) throws(LuaError) -> [LuaValue] {
        try enter()
        defer { leave() }
        guard chunk.state === state else {
            throw .host(message: "this chunk was compiled by another LuaSandbox; compile it in this one")
        }
        _ = stx_getref(L, chunk.reference)
        setEnvironment(ofFunctionAt: -1)
        return try callFunction(onTopWith: [])
    }

    /// Calls a global function of the script environment.
    /// - Parameters:
    ///   - name: the global's name, e.g. `"on_basket"`.
    ///   - arguments: the arguments.
    /// - Returns: the function's results.
    /// - Throws: `.host` if there is no such function, `.runtime` or a limit error.
    public func call(global name: String, _ arguments: [LuaValue]) throws(LuaError) -> [LuaValue] {
        try enter()
        defer { leave() }
        guard pushField(name, of: environment) == LUA_TFUNCTION else {
            stx_pop(L, 1)
            throw .host(message: "the script defines no function '\(name)'")
        }
        return try callFunction(onTopWith: arguments)
    }

    /// Calls a function of the host code's table, under the limits of the current run.
    /// - Parameters:
    ///   - name: the key of the function in the table the host code returned.
    ///   - arguments: the arguments.
    /// - Returns: the function's results.
    /// - Throws: `.host` if there is no host code or no such function, `.runtime` or a limit error.
    public func callHost(_ name: String, _ arguments: [LuaValue]) throws(LuaError) -> [LuaValue] {
        try enter()
        defer { leave() }
        try pushHostFunction(name)
        return try callFunction(onTopWith: arguments)
    }

    /// Calls a function of the host code's table with arguments written straight onto the Lua
    /// stack: no ``LuaValue`` copies, for large arguments converted on every call.
    /// - Parameters:
    ///   - name: the key of the function in the table the host code returned.
    ///   - arguments: pushes the arguments, in order.
    /// - Returns: the function's results.
    /// - Throws: `.host` if there is no host code or no such function, `.runtime` or a limit error.
    public func callHost(_ name: String, writing arguments: (inout LuaWriter) -> Void) throws(LuaError) -> [LuaValue] {
        try enter()
        defer { leave() }
        try pushHostFunction(name)
        return try callFunction(onTopWriting: arguments)
    }

    // MARK: - Globals

    /// Reads a global of the script environment (raw access; no metamethods run).
    /// - Parameter name: the global's name.
    /// - Returns: a copy of the value; nil when absent or when it cannot be copied (functions,
    ///   tables that contain themselves).
    public func global(_ name: String) -> LuaValue {
        enterOrStop()
        defer { leave() }
        pushField(name, of: environment)
        defer { stx_pop(L, 1) }
        return (try? LuaStack(L: L).value(at: -1)) ?? .nil
    }

    /// Whether the script environment has a global function of this name.
    /// - Parameter name: the global's name.
    public func hasFunction(named name: String) -> Bool {
        enterOrStop()
        defer { leave() }
        let type = pushField(name, of: environment)
        stx_pop(L, 1)
        return type == LUA_TFUNCTION
    }

    /// Sets a global of the script environment (raw access). Gone after the next reset.
    /// - Parameters:
    ///   - name: the global's name.
    ///   - value: the value (tables are copied in).
    public func setGlobal(_ name: String, _ value: LuaValue) {
        enterOrStop()
        defer { leave() }
        LuaStack(L: L).push(value)
        storeTopValue(as: name, in: environment)
    }

    /// Makes a Swift function a global of the script environment, now and after every reset.
    ///
    /// The sandbox keeps `function` alive as long as Lua can reach it; a function that needs the
    /// sandbox should capture it weakly, or the two keep each other alive.
    /// - Parameters:
    ///   - name: the global's name.
    ///   - function: the body; a thrown ``LuaCallbackError`` becomes a Lua error at the calling line.
    public func register(_ name: String, _ function: @escaping LuaFunctionBody) {
        enterOrStop()
        defer { leave() }
        pushFunction(function)
        lua_pushvalue(L, -1)
        storeTopValue(as: name, in: registered)
        storeTopValue(as: name, in: environment)
    }

    // MARK: - Runs

    /// Starts a new run: a fresh script environment (fresh copies of every library table, the
    /// registered functions, nothing of the previous run's globals), `math.random` reseeded,
    /// the log, counters and limits cleared, a full garbage collection, and then the host code's
    /// `install(env)` if it has one. An error of `install` is thrown by the next call.
    /// - Parameter randomSeed: the seed of `math.random` for this run.
    public func reset(randomSeed: Int) {
        enterOrStop()
        defer { leave() }
        elapsed = .zero
        pendingError = nil
        guard stx_new_env(L, lua_Integer(randomSeed)) == LUA_OK else {
            stx_pop(L, 1)
            stx_begin_run(L)
            pendingError = .host(message: "could not create a fresh environment (out of memory)")
            return
        }
        copyRegisteredFunctionsIntoTableOnTop()
        if environment != LUA_NOREF { stx_unref(L, environment) }
        environment = stx_ref(L)
        stx_full_gc(L)
        stx_begin_run(L)
        installHostCode()
    }

    /// The lines printed during this run (`print` joins its arguments with tabs). Invalid UTF-8 is
    /// replaced by U+FFFD.
    public var log: [String] {
        enterOrStop()
        defer { leave() }
        var length = 0
        guard let data = stx_log_data(L, &length) else { return [] }
        return Self.decodeLog(UnsafeRawBufferPointer(start: data, count: length))
    }

    /// What this run has used so far.
    public var usage: LuaUsage {
        let usage = stx_get_usage(L)
        return LuaUsage(instructions: Int(usage.instructions), memory: Int(usage.memory), peakMemory: Int(usage.peak_memory))
    }
}

@available(*, unavailable, message: "a LuaSandbox is confined to one thread at a time")
extension LuaSandbox: Sendable {}
