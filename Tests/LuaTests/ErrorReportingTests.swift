import Lua
import Testing

/// Typed errors: syntax and runtime messages carry the chunk name and line; tracebacks are captured.
@Suite struct ErrorReportingTests {
    func runError(_ source: String, chunkName: String = "checkout.lua") throws -> LuaError? {
        let sandbox = try LuaSandbox()
        do {
            _ = try sandbox.run(sandbox.compile(source, chunkName: chunkName))
            return nil
        } catch {
            return error
        }
    }

    @Test func syntaxErrorsNameTheChunkAndLine() throws {
        let sandbox = try LuaSandbox()
        #expect(throws: LuaError.syntax(message: "checkout.lua:3: unexpected symbol near '='")) {
            try sandbox.compile("local a = 1\nlocal b = 2\nx = = 1", chunkName: "checkout.lua")
        }
        #expect(throws: LuaError.syntax(message: "basket.lua:2: '}' expected near <eof>")) {
            try sandbox.compile("local a = 1\nlocal t = {1, 2", chunkName: "basket.lua")
        }
    }

    @Test func binaryChunksAreRefused() throws {
        let sandbox = try LuaSandbox()
        do {
            _ = try sandbox.compile("\u{1B}Lua\u{54}\u{00}", chunkName: "bytecode.lua")
            Issue.record("a binary chunk compiled")
        } catch {
            guard case .syntax(let message) = error else { Issue.record("got \(error)"); return }
            #expect(message.contains("attempt to load a binary chunk"))
        }
    }

    @Test func runtimeErrorsCarryFileLineAndTraceback() throws {
        let source = """
            local function discount(p)
              return p.price * 2
            end
            local function on_basket()
              local total = discount({})
              return total
            end
            on_basket()
            """
        let error = try #require(try runError(source))
        guard case .runtime(let message, let traceback) = error else {
            Issue.record("expected a runtime error, got \(error)")
            return
        }
        #expect(message.hasPrefix("checkout.lua:2: "))
        #expect(message.contains("attempt to perform arithmetic on a nil value (field 'price')"))
        #expect(traceback.hasPrefix("stack traceback:"))
        #expect(traceback.contains("checkout.lua:2: in"))
        #expect(traceback.contains("checkout.lua:5: in"))
        #expect(traceback.contains("checkout.lua:8: in main chunk"))
    }

    @Test func errorCallsGetThePositionOfTheCaller() throws {
        let error = try runError("\n\nerror('no coupon for you')")
        guard case .runtime(let message, _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(message == "checkout.lua:3: no coupon for you")
    }

    @Test func nonStringErrorObjectsAreDescribedWithoutRunningTostring() throws {
        let source = """
            error(setmetatable({}, {__tostring = function() while true do end end}))
            """
        let error = try runError(source)
        guard case .runtime(let message, _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(message == "(error object is a table value)")
        #expect(try runError("error(42)") == nil ? false : true)
        if case .runtime(let number, _) = try runError("error(42)") { #expect(number == "42") }
        if case .runtime(let nilMessage, _) = try runError("error()") {
            #expect(nilMessage == "(error object is a nil value)")
        }
    }

    @Test func callbackErrorsAreRaisedAtTheScriptLine() throws {
        let sandbox = try LuaSandbox()
        sandbox.register("charge") { arguments throws(LuaCallbackError) in
            guard let cents = arguments.first?.integerValue else { throw LuaCallbackError("charge needs integer cents") }
            return [.integer(cents * 2)]
        }
        let ok = try sandbox.run(sandbox.compile("return charge(21)", chunkName: "checkout.lua"))
        #expect(ok == [42])
        let chunk = try sandbox.compile("local x = 1\nreturn charge(1.5)", chunkName: "checkout.lua")
        #expect(throws: LuaError.self) { try sandbox.run(chunk) }
        do {
            _ = try sandbox.run(chunk)
        } catch {
            guard case .runtime(let message, _) = error else { Issue.record("got \(error)"); return }
            #expect(message == "checkout.lua:2: charge needs integer cents")
        }
        let caught = try sandbox.run(sandbox.compile(
            "local ok, e = pcall(function() return charge('x') end) return ok, e", chunkName: "checkout.lua"))
        #expect(caught == [false, "checkout.lua:1: charge needs integer cents"])
    }

    @Test func missingFunctionsAreHostErrors() throws {
        let sandbox = try LuaSandbox()
        #expect(throws: LuaError.host(message: "the script defines no function 'on_basket'")) {
            try sandbox.call(global: "on_basket", [])
        }
        #expect(throws: LuaError.self) { try sandbox.callHost("anything", []) }
    }

    @Test func descriptionsSayWhatToDo() {
        #expect(LuaError.instructionLimit(count: 10).description.contains("raise the limit"))
        #expect(LuaError.memoryLimit(bytes: 10).description.contains("10 bytes"))
        #expect(LuaError.runtime(message: "checkout.lua:1: x", traceback: "").description == "runtime error: checkout.lua:1: x")
        #expect(LuaError.timeout(.seconds(1)).isLimit)
        #expect(!LuaError.syntax(message: "").isLimit)
    }
}
