import Lua
import Testing

/// Each hostile script ends with an expected typed error within its limit plus one second, and the
/// same sandbox (after reset) and the same process then run a normal script correctly.
@Suite struct HostileScriptTests {
    static let normal = """
        local squares = {}
        for i = 1, 100 do squares[i] = i * i end
        return squares[10], string.format("%d items", #squares), ("abc"):upper(), pcall(error, "ok")
        """
    static var normalResults: [LuaValue] { [100, "100 items", "ABC", false, "ok"] }

    @Test func thereAreAtLeastThirtyHostileScripts() {
        #expect(HostileScript.all.count >= 30)
    }

    @Test(arguments: HostileScript.all)
    func hostileScriptEndsWithTypedError(script: HostileScript) throws {
        let limits = script.limits
        let sandbox = try LuaSandbox(limits: limits)
        let chunk = try sandbox.compile(script.source, chunkName: "hostile.lua")
        let clock = ContinuousClock()
        let start = clock.now
        var caught: LuaError?
        do {
            _ = try sandbox.run(chunk)
        } catch {
            caught = error
        }
        let elapsed = clock.now - start
        let error = try #require(caught, "\(script.name) ended without an error")
        #expect(script.outcomes.contains { $0.matches(error) }, "\(script.name) ended with \(error)")
        #expect(elapsed < limits.timeout + .seconds(1), "\(script.name) took \(elapsed)")

        if error.isLimit {
            #expect(throws: error, "a limit stays hit until reset") {
                try sandbox.run(sandbox.compile("return 1", chunkName: "after.lua"))
            }
        }
        sandbox.reset(randomSeed: 0)
        let normal = try sandbox.compile(Self.normal, chunkName: "normal.lua")
        #expect(try sandbox.run(normal) == Self.normalResults)
        let fresh = try LuaSandbox()
        #expect(try fresh.run(fresh.compile(Self.normal, chunkName: "normal.lua")) == Self.normalResults)
    }

    @Test func smallerLimitsAreHonoured() throws {
        let limits = LuaLimits(maxInstructions: 10_000, maxMemory: 1024 * 1024, timeout: .seconds(5), maxLogBytes: 10)
        let sandbox = try LuaSandbox(limits: limits)
        #expect(throws: LuaError.instructionLimit(count: 10_000)) {
            try sandbox.run(sandbox.compile("for i = 1, 1e6 do end", chunkName: "c.lua"))
        }
        sandbox.reset(randomSeed: 0)
        #expect(throws: LuaError.memoryLimit(bytes: 1024 * 1024)) {
            try sandbox.run(sandbox.compile("return string.rep('x', 2 * 1024 * 1024)", chunkName: "c.lua"))
        }
        sandbox.reset(randomSeed: 0)
        #expect(throws: LuaError.outputLimit(bytes: 10)) {
            try sandbox.run(sandbox.compile("print('12345') print('12345')", chunkName: "c.lua"))
        }
        #expect(sandbox.log == ["12345"])
    }

    @Test func theTimeBudgetIsSharedByAllCallsOfARun() throws {
        let limits = LuaLimits(maxInstructions: Int.max / 2, timeout: .milliseconds(200))
        let sandbox = try LuaSandbox(limits: limits)
        let chunk = try sandbox.compile("""
            function busy(ms)
              local clock = 0
              for i = 1, ms * 20000 do clock = clock + 1 end
            end
            """, chunkName: "c.lua")
        _ = try sandbox.run(chunk)
        var calls = 0
        do {
            for _ in 0 ..< 1000 {
                _ = try sandbox.call(global: "busy", [10])
                calls += 1
            }
            Issue.record("the time budget was never exhausted")
        } catch {
            #expect(error == .timeout(.milliseconds(200)))
        }
        #expect(calls < 1000)
        sandbox.reset(randomSeed: 0)
        _ = try sandbox.run(chunk)
        _ = try sandbox.call(global: "busy", [1])
    }

    /// Lua runs a dead coroutine's __close handlers with hooks off when a hook stopped it; host code
    /// that keeps script values across runs must not let a later run reach them.
    @Test func aCoroutineStoppedByALimitRunsNoCodeInALaterRun() throws {
        let host = LuaHostCode(source: "local stash = {} return { install = function(env) env.stash = stash end }", chunkName: "model.lua")
        let sandbox = try LuaSandbox(hostCode: host)
        _ = try? sandbox.run(sandbox.compile("""
            local function body()
              local x <close> = setmetatable({}, {__close = function() while true do end end})
              while true do end
            end
            stash.co = coroutine.create(body)
            stash.f = coroutine.wrap(body)
            pcall(stash.f)
            """, chunkName: "first.lua"))
        sandbox.reset(randomSeed: 0)
        _ = try? sandbox.run(sandbox.compile("coroutine.resume(stash.co)", chunkName: "second.lua"))
        for (name, source) in [("close", "return coroutine.close(stash.co)"), ("wrap", "return stash.f()")] {
            sandbox.reset(randomSeed: 0)
            do {
                _ = try sandbox.run(sandbox.compile(source, chunkName: "\(name).lua"))
                Issue.record("\(name): a stopped coroutine ran")
            } catch {
                guard case .runtime(let message, _) = error else { Issue.record("\(name): got \(error)"); continue }
                #expect(message.contains("a limit stopped"), "\(name): \(message)")
            }
        }
    }

    @Test func garbageThatACollectionFreesDoesNotEndARun() throws {
        let sandbox = try LuaSandbox(limits: LuaLimits(maxMemory: 4 * 1024 * 1024, timeout: .seconds(30)))
        let results = try sandbox.run(sandbox.compile("""
            local n = 0
            for round = 1, 200 do
              local t = {}
              for i = 1, 20000 do t[i] = i end
              n = n + #t
            end
            return n
            """, chunkName: "churn.lua"))
        #expect(results == [4_000_000])
        #expect(sandbox.usage.peakMemory <= 4 * 1024 * 1024)
    }
}
