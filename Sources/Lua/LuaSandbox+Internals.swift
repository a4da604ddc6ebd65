import CLua
import CLuaShim

// The private machinery of LuaSandbox: thread confinement, protected calls, error mapping.
extension LuaSandbox {
    private static let threadMessage =
        "a LuaSandbox was used from a second thread while a call was in progress; confine each sandbox to one thread (or serialize access)"

    /// Claims the state for this thread, or throws `.host`.
    func enter() throws(LuaError) {
        guard stx_enter(L) == 0 else { throw .host(message: Self.threadMessage) }
        state.drainReleases()
    }

    /// Claims the state for this thread, or stops the process (for the non-throwing API).
    func enterOrStop() {
        guard stx_enter(L) == 0 else { preconditionFailure(Self.threadMessage) }
        state.drainReleases()
    }

    func leave() {
        stx_leave(L)
    }

    /// Pushes `table[name]` (raw) of the table at registry reference `table`; returns its type.
    @discardableResult
    func pushField(_ name: String, of table: Int32) -> Int32 {
        _ = stx_getref(L, table)
        LuaStack(L: L).push(name)
        let type = lua_rawget(L, -2)
        stx_remove(L, -2)
        return type
    }

    /// Pushes the function `name` of the host code's table.
    /// - Throws: `.host` (nothing pushed) if there is no host code or no such function.
    func pushHostFunction(_ name: String) throws(LuaError) {
        guard hostTable != LUA_NOREF else {
            throw .host(message: "this sandbox has no host code; pass hostCode to LuaSandbox.init")
        }
        guard pushField(name, of: hostTable) == LUA_TFUNCTION else {
            stx_pop(L, 1)
            throw .host(message: "the host code defines no function '\(name)'")
        }
    }

    /// Pops the top value and stores it as `table[name]` (raw).
    func storeTopValue(as name: String, in table: Int32) {
        _ = stx_getref(L, table)
        LuaStack(L: L).push(name)
        lua_rotate(L, -3, -1)
        lua_rawset(L, -3)
        stx_pop(L, 1)
    }

    /// Sets the `_ENV` upvalue of the function at `index` to the current environment.
    func setEnvironment(ofFunctionAt index: Int32) {
        let function = lua_absindex(L, index)
        _ = stx_getref(L, environment)
        if lua_setupvalue(L, function, 1) == nil { stx_pop(L, 1) }
    }

    /// Pushes a Lua function that calls `function`.
    func pushFunction(_ function: @escaping LuaFunctionBody) {
        let box = LuaCallbackBox { L in
            let stack = LuaStack(L: L)
            let arguments: [LuaValue]
            do throws(LuaError) {
                arguments = try stack.popValues(lua_gettop(L))
            } catch {
                stack.push("bad argument: \(Self.messageOf(error))")
                return -1
            }
            return Self.finishCallback(stack) { () throws(LuaCallbackError) in try function(arguments) }
        }
        stx_push_swift_function(L, box.retainedPointer)
    }

    /// Runs a callback body and pushes its results (or its error message).
    static func finishCallback(_ stack: LuaStack, _ body: () throws(LuaCallbackError) -> [LuaValue]) -> Int32 {
        do throws(LuaCallbackError) {
            let results = try body()
            guard lua_checkstack(stack.L, Int32(clamping: results.count + 1)) != 0 else {
                stack.push("too many results from a host function")
                return -1
            }
            for result in results { stack.push(result) }
            return Int32(results.count)
        } catch {
            stack.push(error.message)
            return -1
        }
    }

    static func messageOf(_ error: LuaError) -> String {
        if case .host(let message) = error { return message }
        return error.description
    }

    /// Calls the function on top of the stack with `arguments` under the limits.
    func callFunction(onTopWith arguments: [LuaValue]) throws(LuaError) -> [LuaValue] {
        if let pendingError = takePendingError() {
            stx_pop(L, 1)
            throw pendingError
        }
        guard lua_checkstack(L, Int32(clamping: arguments.count + 2)) != 0 else {
            stx_pop(L, 1)
            throw .host(message: "too many arguments (\(arguments.count))")
        }
        let stack = LuaStack(L: L)
        for argument in arguments { stack.push(argument) }
        let count = try protectedCall(arguments: Int32(arguments.count), results: stx_multret())
        return try stack.popValues(count)
    }

    /// Calls the function on top of the stack with the arguments `write` pushes, under the limits.
    func callFunction(onTopWriting write: (inout LuaWriter) -> Void) throws(LuaError) -> [LuaValue] {
        if let pendingError = takePendingError() {
            stx_pop(L, 1)
            throw pendingError
        }
        let function = lua_gettop(L)
        var writer = LuaWriter(L: L)
        write(&writer)
        let count = try protectedCall(arguments: lua_gettop(L) - function, results: stx_multret())
        return try LuaStack(L: L).popValues(count)
    }

    /// Calls the function below `arguments` values in protected mode under the limits of the run.
    /// - Returns: the number of results pushed.
    func protectedCall(arguments: Int32, results: Int32) throws(LuaError) -> Int32 {
        let base = lua_gettop(L) - arguments - 1
        let remaining = limits.timeout - elapsed
        if remaining <= .zero && stx_limit_hit(L) == STX_LIMIT_NONE {
            stx_set_limit_hit(L, STX_LIMIT_TIMEOUT)
        }
        stx_set_deadline_in(L, Self.nanoseconds(remaining))
        let clock = ContinuousClock()
        let start = clock.now
        let status = stx_pcall(L, arguments, results)
        elapsed += clock.now - start
        guard status == LUA_OK else { throw takeError(status) }
        return lua_gettop(L) - base
    }

    /// Pops the error message of a failed stx_pcall and maps it (and the limit flag) to a LuaError.
    func takeError(_ status: Int32) -> LuaError {
        let stack = LuaStack(L: L)
        let message = stack.string(at: -1) ?? "unknown error"
        stx_pop(L, 1)
        stx_push_traceback(L)
        let traceback = stack.string(at: -1) ?? ""
        stx_pop(L, 1)
        if let limit = limitError() { return limit }
        if status == LUA_ERRMEM { return .memoryLimit(bytes: limits.maxMemory) }
        return .runtime(message: message, traceback: traceback)
    }

    /// The error of the limit hit in this run, if any.
    func limitError() -> LuaError? {
        switch stx_limit_hit(L) {
        case STX_LIMIT_MEMORY: .memoryLimit(bytes: limits.maxMemory)
        case STX_LIMIT_INSTRUCTIONS: .instructionLimit(count: limits.maxInstructions)
        case STX_LIMIT_TIMEOUT: .timeout(limits.timeout)
        case STX_LIMIT_OUTPUT: .outputLimit(bytes: limits.maxLogBytes)
        default: nil
        }
    }

    private func takePendingError() -> LuaError? {
        limitError() ?? pendingError
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        guard seconds > 0 || attoseconds > 0 else { return 0 }
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return Int64.max / 2 }
        return min(whole + attoseconds / 1_000_000_000, Int64.max / 2)
    }

    /// Copies the registered functions into the table on top of the stack.
    func copyRegisteredFunctionsIntoTableOnTop() {
        let target = lua_gettop(L)
        _ = stx_getref(L, registered)
        lua_pushnil(L)
        while lua_next(L, -2) != 0 {
            lua_pushvalue(L, -2)
            lua_rotate(L, -2, 1)
            lua_rawset(L, target)
        }
        stx_pop(L, 1)
    }

    /// Loads and runs the host code with the full standard library; keeps the table it returns.
    func loadHostCode(_ hostCode: LuaHostCode) throws(LuaError) {
        stx_begin_run(L)
        var source = hostCode.source
        let status = source.withUTF8 { buffer in
            hostCode.chunkName.withCString { name in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    stx_load(L, chars.baseAddress, chars.count, name)
                }
            }
        }
        guard status == LUA_OK else {
            let message = LuaStack(L: L).string(at: -1) ?? "unknown error"
            stx_pop(L, 1)
            throw status == LUA_ERRSYNTAX ? .syntax(message: message) : .memoryLimit(bytes: limits.maxMemory)
        }
        let count = try protectedCall(arguments: 0, results: 1)
        guard count == 1, lua_type(L, -1) == LUA_TTABLE else {
            stx_pop(L, count)
            throw .host(message: "the host code '\(hostCode.chunkName)' must return a table of functions")
        }
        hostTable = stx_ref(L)
    }

    /// Calls the host code's `install(env)` for the fresh environment, if it has one.
    func installHostCode() {
        guard hostTable != LUA_NOREF else { return }
        guard pushField("install", of: hostTable) == LUA_TFUNCTION else {
            stx_pop(L, 1)
            return
        }
        _ = stx_getref(L, environment)
        do throws(LuaError) {
            let count = try protectedCall(arguments: 1, results: 0)
            stx_pop(L, count)
        } catch {
            pendingError = error
        }
    }

    /// Splits the C log buffer: records of [size_t length][bytes].
    static func decodeLog(_ data: UnsafeRawBufferPointer) -> [String] {
        var lines: [String] = []
        var offset = 0
        let header = MemoryLayout<Int>.size
        while offset + header <= data.count {
            let length = data.loadUnaligned(fromByteOffset: offset, as: Int.self)
            offset += header
            guard length >= 0, offset + length <= data.count else { break }
            lines.append(String(decoding: UnsafeRawBufferPointer(rebasing: data[offset ..< offset + length]), as: UTF8.self))
            offset += length
        }
        return lines
    }
}
