import CheckoutScripting
import Lua
import SmartTransactions
import Testing

@Suite("limits per checkout and engine reuse (design.md §3)")
struct LimitAndReuseTests {
    static let small: LuaLimits = {
        var limits = LuaLimits.default
        limits.maxInstructions = 20_000_000
        limits.maxMemory = 8 * 1024 * 1024
        limits.maxLogBytes = 4096
        return limits
    }()

    @Test("hostile hooks end with a distinct limit error that pcall cannot catch", arguments: [
        ("while true do end", CheckoutError.LimitKind.instructions),
        ("while true do pcall(function() while true do end end) end", .instructions),
        ("local t = {} for i = 1, 1e9 do t[i] = i end", .memory),
        ("local s = string.rep('x', 1e9)", .memory),
        ("for i = 1, 1e6 do log(string.rep('x', 100)) end", .output),
        ("for i = 1, 1e6 do explain('x', 'y') end", .output),
        ("for i = 1, 1e6 do pcall(explain, 'x', 'y') end", .output),
    ])
    func limits(body: String, kind: CheckoutError.LimitKind) {
        let failure = failure("function on_basket(tx)\n  \(body)\nend", limits: Self.small)
        guard case .limitExceeded(let actual, _)? = failure?.error else {
            Issue.record("expected a \(kind) limit, got \(String(describing: failure?.error))")
            return
        }
        #expect(actual == kind)
    }

    @Test("a script that passes the wall-time limit is stopped")
    func wallTime() {
        var limits = Self.small
        limits.maxInstructions = Int.max / 2
        limits.timeout = .milliseconds(200)
        let failure = failure("function on_basket(tx) while true do end end", limits: limits)
        #expect(failure.map { if case .limitExceeded(.time, _) = $0.error { true } else { false } } == true)
    }

    @Test("an engine runs checkout after checkout; no checkout sees another's globals")
    func noLeaksBetweenCheckouts() throws {
        let engine = try CheckoutEngine(script: CheckoutScript(source: """
            counter = (counter or 0) + 1
            function on_basket(tx)
              log(counter, tostring(leaked), tostring(string.leak))
              leaked = true
              string.leak = "x"
              string.format = nil
            end
            """))
        for _ in 0..<3 {
            let prepared = try engine.prepare(transaction(), now: testNow)
            #expect(prepared.log == ["1\tnil\tnil"])
        }
    }

    @Test("an engine stays usable after a limit or an error")
    func recoversAfterFailure() throws {
        let engine = try CheckoutEngine(script: CheckoutScript(source: """
            function on_basket(tx)
              if tx.merchantRef == "loop" then while true do end end
              if tx.merchantRef == "error" then error("boom") end
              log("fine")
            end
            """), limits: Self.small)
        for ref in ["loop", "error"] {
            let json = bakeryJSON.replacingOccurrences(of: #""merchantRef": null"#, with: #""merchantRef": "\#(ref)""#)
            #expect(throws: CheckoutFailure.self) { _ = try engine.prepare(transaction(json), now: testNow) }
            #expect(try engine.prepare(transaction(), now: testNow).log == ["fine"])
        }
    }

    @Test("math.random is seeded from the transaction: runs replay exactly")
    func deterministicRandom() throws {
        let script = "function on_basket(tx) log(math.random(1, 1000000), math.random(1, 1000000)) end"
        let first = try prepare(script).log
        #expect(try prepare(script).log == first)
        let other = bakeryJSON.replacingOccurrences(of: "STX_TEST1", with: "STX_TEST2")
        #expect(try prepare(script, json: other).log != first)
    }

    @Test("the sandbox offers no io, os, debug, require or load", arguments: [
        "io", "os", "debug", "require", "load", "loadstring", "dofile", "loadfile", "package", "string.dump",
    ])
    func noUnsafeLibraries(name: String) throws {
        let prepared = try prepare("function on_basket(tx) log(tostring(\(name))) end")
        #expect(prepared.log == ["nil"])
    }

    @Test("a syntax error names the script's file and line")
    func syntaxError() {
        #expect(throws: CheckoutFailure.self) { _ = try prepare("function on_basket(tx)\n  x = = 1\nend") }
        do {
            _ = try prepare("function on_basket(tx)\n  x = = 1\nend")
        } catch let failure as CheckoutFailure {
            #expect(failure.scriptMessage.hasPrefix("checkout.lua:2:"), "\(failure.scriptMessage)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a runtime error names the hook and the line and carries a traceback")
    func runtimeError() {
        let failure = failure("local function helper() error('kaputt') end\nfunction on_basket(tx)\n  helper()\nend")
        guard case .script(let hook, let message, let traceback)? = failure?.error else {
            Issue.record("expected a script error")
            return
        }
        #expect(hook == "on_basket")
        #expect(message == "checkout.lua:1: kaputt")
        #expect(traceback.contains("checkout.lua:3"))
    }
}
