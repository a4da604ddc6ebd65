import Lua

/// A script that tries to escape the sandbox, with the typed errors it may end with.
struct HostileScript: Sendable, CustomTestStringConvertible {
    /// The error kinds a hostile script may end with.
    enum Outcome: Sendable, Hashable {
        case runtime(containing: String)
        case instructionLimit
        case memoryLimit
        case timeout
        case outputLimit

        /// Whether `error` is this outcome.
        func matches(_ error: LuaError) -> Bool {
            switch (self, error) {
            case (.runtime(let fragment), .runtime(let message, _)): message.contains(fragment)
            case (.instructionLimit, .instructionLimit), (.memoryLimit, .memoryLimit),
                 (.timeout, .timeout), (.outputLimit, .outputLimit): true
            default: false
            }
        }
    }

    let name: String
    let source: String
    let outcomes: [Outcome]
    /// The limits of the run: the defaults, except for memory bombs (see ``memoryBomb``).
    let limits: LuaLimits

    init(_ name: String, _ source: String, _ outcomes: Outcome..., limits: LuaLimits = .default) {
        self.name = name
        self.source = source
        self.outcomes = outcomes
        self.limits = limits
    }

    var testDescription: String { name }

    /// Endless work: the instruction budget or the deadline, whichever comes first on this machine.
    static let endless: [Outcome] = [.instructionLimit, .timeout]
}

import Testing

extension HostileScript {
    static let all: [HostileScript] = escapes + loops + memoryBombs + libraryWork + tricks

    static let escapes: [HostileScript] = [
        HostileScript("io", "return io.open('/etc/passwd'):read('a')", .runtime(containing: "global 'io'")),
        HostileScript("os.execute", "os.execute('echo pwned')", .runtime(containing: "global 'os'")),
        HostileScript("load", "return load('return 1')()", .runtime(containing: "global 'load'")),
        HostileScript("loadstring", "return loadstring('return 1')()", .runtime(containing: "global 'loadstring'")),
        HostileScript("require", "return require('os')", .runtime(containing: "global 'require'")),
        HostileScript("dofile", "return dofile('/etc/passwd')", .runtime(containing: "global 'dofile'")),
        HostileScript("loadfile", "return loadfile('/etc/passwd')", .runtime(containing: "global 'loadfile'")),
        HostileScript("string.dump", "return string.dump(print)", .runtime(containing: "field 'dump'")),
        HostileScript("string method dump", "return ('x').dump(print)", .runtime(containing: "field 'dump'")),
        HostileScript("debug", "debug.sethook()", .runtime(containing: "global 'debug'")),
        HostileScript("package.loaded", "return package.loaded.os", .runtime(containing: "global 'package'")),
    ]

    static let loops: [HostileScript] = [
        HostileScript("top-level loop", "while true do end", outcomes: endless),
        HostileScript("loop in a function", "local function spin() while true do end end spin()", outcomes: endless),
        HostileScript("loop in a coroutine", "coroutine.wrap(function() while true do end end)()", outcomes: endless),
        HostileScript("loop under pcall", "while true do pcall(function() while true do end end) end", outcomes: endless),
        HostileScript("loop under xpcall", "while true do xpcall(function() while true do end end, function() return 1 end) end", outcomes: endless),
        HostileScript("looping xpcall handler", "xpcall(function() error('x') end, function() while true do end end)", outcomes: endless),
        HostileScript("coroutines swallow errors", "while true do coroutine.resume(coroutine.create(function() while true do end end)) end", outcomes: endless),
        HostileScript("yield across pcall", "local co = coroutine.wrap(function() while true do pcall(coroutine.yield) end end) while true do co() end", outcomes: endless),
        HostileScript("recursion through __index", "local t = setmetatable({}, {__index = function(t, k) return t[k] end}) return t.x", .runtime(containing: "stack overflow")),
        HostileScript("deep recursion", "local function f(n) return 1 + f(n + 1) end return f(1)", .memoryLimit, .runtime(containing: "stack overflow")),
    ]

    static let memoryBombs: [HostileScript] = [
        memoryBomb("array bomb", "local t = {} for i = 1, 1e9 do t[i] = i end"),
        memoryBomb("hash bomb", "local t = {} for i = 1, 1e9 do t['k' .. i] = i end"),
        memoryBomb("string.rep bomb", "return string.rep('x', 1e9)"),
        memoryBomb("string.rep accumulation", "local t = {} for i = 1, 1e6 do t[i] = string.rep('x', 1e6) end"),
        memoryBomb("concatenation", "local s = 'x' while true do s = s .. s end"),
        memoryBomb("table.concat", "local t = {} for i = 1, 20 do t[i] = string.rep('y', 1e6) end local s = table.concat(t) return table.concat({s, s})"),
        memoryBomb("memory error under pcall", "repeat pcall(function() local t = {} for i = 1, 1e9 do t[i] = {} end end) until false"),
        HostileScript("collectgarbage stop", "collectgarbage('stop')", .runtime(containing: "collectgarbage('stop') is not available")),
        memoryBomb("memory bomb after trying to stop the collector", "pcall(collectgarbage, 'stop') local t = {} while true do t[#t + 1] = {} end"),
    ]

    static let libraryWork: [HostileScript] = [
        HostileScript("backtracking find", "return string.rep('a', 30000):find('.-.-.-.-.-b')", outcomes: endless),
        HostileScript("backtracking gsub", "return string.rep('a', 5000):gsub('a-a-a-a-a-b', '')", outcomes: endless),
        HostileScript("backtracking match", "return string.rep('ab', 50000):match('(.*)(.*)(.*)c')", outcomes: endless),
        HostileScript("backtracking gmatch", "for m in string.rep('a', 20000):gmatch('.-.-.-b') do end", outcomes: endless),
        HostileScript("plain find worst case", "return string.rep('a', 1e6):find(string.rep('a', 5e5) .. 'b', 1, true)", outcomes: endless),
        HostileScript("empty string.rep", "for i = 1, 1e9 do string.rep('', 2^40) end", outcomes: endless),
        HostileScript("table.insert with a fake length", "local t = setmetatable({}, {__len = function() return 2^40 end}) table.insert(t, 1, 'x')", outcomes: endless),
        HostileScript("big sort", "local t = {} for i = 1, 1e6 do t[i] = -i end table.sort(t, function(a, b) return a < b end)", outcomes: endless),
        HostileScript("upper loop", "local s = string.rep('a', 1e6) while true do s:upper() end", outcomes: endless),
        HostileScript("tonumber scan loop", "local s = string.rep(' ', 1e6) while true do tonumber(s) end", outcomes: endless),
        HostileScript("long string comparison", "local a, b = string.rep('a', 4e6), string.rep('a', 4e6) while true do local _ = a < b end", outcomes: endless),
        HostileScript("print flood", "while true do print(string.rep('x', 1000)) end", .outputLimit),
    ]

    static let tricks: [HostileScript] = [
        HostileScript("string metatable", "setmetatable(getmetatable(''), {})", .runtime(containing: "bad argument #1 to 'setmetatable'")),
        HostileScript("string metatable __index", "getmetatable('').__index = nil", .runtime(containing: "attempt to index a boolean value")),
        HostileScript("__gc finalizer", "setmetatable({}, {__gc = function() while true do end end})", .runtime(containing: "__gc finalizers are not available")),
        HostileScript("__gc added later", "local mt = {} local t = setmetatable({}, mt) mt.__gc = function() while true do end end t = nil while true do end", outcomes: endless),
        HostileScript("__tostring of an error object", "error(setmetatable({}, {__tostring = function() while true do end end}))", .runtime(containing: "(error object is a table value)")),
        HostileScript("__tostring in print", "print(setmetatable({}, {__tostring = function() while true do end end}))", outcomes: endless),
        HostileScript("__close handler", "do local x <close> = setmetatable({}, {__close = function() while true do end end}) end", outcomes: endless),
        HostileScript("__close after a memory error", "while true do pcall(function() local x <close> = setmetatable({}, {__close = function() error('x') end}) local t = {} for i = 1, 1e9 do t[i] = i end end) end", .memoryLimit, .instructionLimit, .timeout),
        HostileScript("__close of a stopped coroutine", "local f = coroutine.wrap(function() local x <close> = setmetatable({}, {__close = function() while true do end end}) while true do end end) f()", outcomes: endless),
        HostileScript("coroutine.close loop", "local co = coroutine.create(function() local x <close> = setmetatable({}, {__close = function() while true do end end}) coroutine.yield() end) coroutine.resume(co) while true do coroutine.close(co) end", outcomes: endless),
        HostileScript("global metatable", "setmetatable(_G, {__index = function() while true do end end}) return undefined", outcomes: endless),
    ]

    init(_ name: String, _ source: String, outcomes: [Outcome]) {
        self.name = name
        self.source = source
        self.outcomes = outcomes
        self.limits = .default
    }

    /// A memory bomb gets a generous deadline, so that on a loaded machine it still ends with the
    /// memory limit it is about (and within that deadline plus one second).
    static func memoryBomb(_ name: String, _ source: String) -> HostileScript {
        HostileScript(name, source, .memoryLimit, limits: LuaLimits(timeout: .seconds(10)))
    }
}
