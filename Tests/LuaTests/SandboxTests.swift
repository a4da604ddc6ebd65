import Lua
import Testing

/// The restricted environment, `print` capture, seeding, reuse between runs and host code.
@Suite struct SandboxTests {
    func values(_ sandbox: LuaSandbox, _ source: String) throws -> [LuaValue] {
        try sandbox.run(sandbox.compile(source, chunkName: "checkout.lua"))
    }

    @Test(arguments: [
        "io", "os", "debug", "package", "require", "load", "loadstring", "dofile", "loadfile",
        "collectgarbage('collect')", "string.dump", "math.randomseed", "warn", "module",
    ])
    func unsafeNamesAreAbsent(expression: String) throws {
        let sandbox = try LuaSandbox()
        if expression.contains("(") {
            #expect(throws: LuaError.self) { try values(sandbox, "return \(expression)") }
        } else {
            #expect(try values(sandbox, "return \(expression)") == [.nil])
        }
    }

    @Test func safeLibrariesArePresent() throws {
        let sandbox = try LuaSandbox()
        let source = """
            local names = {"assert", "error", "ipairs", "next", "pairs", "pcall", "xpcall", "rawequal",
              "rawget", "rawlen", "rawset", "select", "setmetatable", "getmetatable", "tonumber",
              "tostring", "type", "print"}
            for _, n in ipairs(names) do assert(type(_G[n]) == "function", n) end
            return string.upper("a"), table.concat({1, 2}, ","), math.floor(2.5), utf8.char(228),
              coroutine.wrap(function() coroutine.yield(7) end)(), _G == _ENV, ("x"):rep(3)
            """
        #expect(try values(sandbox, source) == ["A", "1,2", 2, "ä", 7, true, "xxx"])
    }

    @Test func theStringMetatableIsProtected() throws {
        let sandbox = try LuaSandbox()
        #expect(try values(sandbox, "return getmetatable('')") == [false])
        #expect(try values(sandbox, "return ('x').dump, ('%d'):format(5)") == [.nil, "5"])
        #expect(throws: LuaError.self) { try values(sandbox, "setmetatable('', {})") }
    }

    @Test func printGoesToTheLogNotStdout() throws {
        let sandbox = try LuaSandbox()
        _ = try values(sandbox, "print('total', 12, nil, true) print() print(setmetatable({}, {__tostring = function() return 'T' end}))")
        #expect(sandbox.log == ["total\t12\tnil\ttrue", "", "T"])
        sandbox.reset(randomSeed: 0)
        #expect(sandbox.log.isEmpty)
    }

    @Test func randomIsSeededByTheHost() throws {
        let sandbox = try LuaSandbox(randomSeed: 42)
        let chunk = try sandbox.compile("return math.random(1, 1000000), math.random()", chunkName: "checkout.lua")
        let first = try sandbox.run(chunk)
        sandbox.reset(randomSeed: 42)
        #expect(try sandbox.run(chunk) == first)
        sandbox.reset(randomSeed: 43)
        #expect(try sandbox.run(chunk) != first)
        let other = try LuaSandbox(randomSeed: 42)
        #expect(try other.run(other.compile("return math.random(1, 1000000), math.random()", chunkName: "c.lua")) == first)
    }

    @Test func resetLeavesNothingOfThePreviousRun() throws {
        let sandbox = try LuaSandbox()
        let tamper = try sandbox.compile("""
            leaked = 1
            string.format = nil
            table.insert = function() error("tampered") end
            math.pi = 3
            _G.print = nil
            """, chunkName: "evil.lua")
        _ = try sandbox.run(tamper)
        sandbox.reset(randomSeed: 0)
        let check = try values(sandbox, """
            local t = {} table.insert(t, 1)
            return leaked, string.format("%d", 5), #t, math.pi > 3.14, type(print)
            """)
        #expect(check == [.nil, "5", 1, true, "function"])
    }

    @Test func aChunkIsCompiledOnceAndRunsAfterEachReset() throws {
        let sandbox = try LuaSandbox()
        let chunk = try sandbox.compile("counter = (counter or 0) + 1 return counter", chunkName: "checkout.lua")
        #expect(try sandbox.run(chunk) == [1])
        #expect(try sandbox.run(chunk) == [2], "without reset the environment is kept")
        sandbox.reset(randomSeed: 0)
        #expect(try sandbox.run(chunk) == [1])
    }

    @Test func registeredFunctionsSurviveResets() throws {
        let sandbox = try LuaSandbox()
        sandbox.register("double") { arguments throws(LuaCallbackError) in
            [.integer((arguments.first?.integerValue ?? 0) * 2)]
        }
        sandbox.reset(randomSeed: 1)
        #expect(try values(sandbox, "return double(21)") == [42])
    }

    @Test func globalsCanBeReadAndWritten() throws {
        let sandbox = try LuaSandbox()
        sandbox.setGlobal("tx", ["id": "STX_1", "amount": 1500])
        _ = try values(sandbox, "result = tx.amount + 1  function on_basket() end")
        #expect(sandbox.global("result") == 1501)
        #expect(sandbox.global("missing") == .nil)
        #expect(sandbox.hasFunction(named: "on_basket"))
        #expect(!sandbox.hasFunction(named: "result"))
        #expect(!sandbox.hasFunction(named: "on_receipt"))
    }

    @Test func callPassesArgumentsAndReturnsResults() throws {
        let sandbox = try LuaSandbox()
        _ = try values(sandbox, "function split(a, b) return b, a, a + b end")
        #expect(try sandbox.call(global: "split", [1, 2]) == [2, 1, 3])
    }

    @Test func usageIsCountedPerRun() throws {
        let sandbox = try LuaSandbox()
        _ = try values(sandbox, "local t = {} for i = 1, 100000 do t[i] = i end")
        let usage = sandbox.usage
        #expect(usage.instructions >= 100_000)
        #expect(usage.peakMemory > 1_000_000)
        sandbox.reset(randomSeed: 0)
        #expect(sandbox.usage.instructions == 0)
        #expect(sandbox.usage.peakMemory < usage.peakMemory)
    }

    @Test func hostCodeKeepsTheFullLibraryAndInstallsIntoEachRun() throws {
        let host = LuaHostCode(source: """
            local getinfo = debug.getinfo
            local installs = 0
            return {
              install = function(env)
                installs = installs + 1
                env.where = function() return getinfo(2, "l").currentline end
                env.log = env.print
              end,
              installs = function() return installs end,
              add = function(a, b) return a + b end,
            }
            """, chunkName: "model.lua")
        let sandbox = try LuaSandbox(hostCode: host)
        #expect(try values(sandbox, "\n\nreturn where(), debug") == [3, .nil])
        _ = try values(sandbox, "log('from script')")
        #expect(sandbox.log == ["from script"])
        sandbox.reset(randomSeed: 0)
        #expect(try sandbox.callHost("installs", []) == [2])
        #expect(try sandbox.callHost("add", [2, 3]) == [5])
        #expect(throws: LuaError.host(message: "the host code defines no function 'missing'")) {
            try sandbox.callHost("missing", [])
        }
    }

    @Test func hostCodeErrorsAreThrownByInit() throws {
        #expect(throws: LuaError.self) {
            try LuaSandbox(hostCode: LuaHostCode(source: "return 1", chunkName: "model.lua"))
        }
        #expect(throws: LuaError.syntax(message: "model.lua:1: unexpected symbol near '?'")) {
            try LuaSandbox(hostCode: LuaHostCode(source: "?", chunkName: "model.lua"))
        }
    }

    @Test func aFailingInstallIsThrownByTheNextCall() throws {
        let host = LuaHostCode(source: """
            local n = 0
            return { install = function(env) n = n + 1 if n == 2 then error("install failed") end end }
            """, chunkName: "model.lua")
        let sandbox = try LuaSandbox(hostCode: host)
        sandbox.reset(randomSeed: 0)
        let chunk = try sandbox.compile("return 1", chunkName: "checkout.lua")
        #expect(throws: LuaError.self) { try sandbox.run(chunk) }
        sandbox.reset(randomSeed: 0)
        #expect(try sandbox.run(chunk) == [1])
    }

    @Test func chunksBelongToTheirSandbox() throws {
        let one = try LuaSandbox()
        let two = try LuaSandbox()
        let chunk = try one.compile("return 1", chunkName: "c.lua")
        #expect(throws: LuaError.self) { try two.run(chunk) }
    }
}
