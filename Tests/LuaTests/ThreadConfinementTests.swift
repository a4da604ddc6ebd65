import Dispatch
import Lua
import Testing

/// A sandbox is confined to one thread at a time; a second thread is refused while a call runs.
@Suite struct ThreadConfinementTests {
    /// Hands a non-Sendable value to another thread on purpose, to test the runtime check.
    final class Smuggled<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    @Test func aSecondThreadIsRefusedWhileACallRuns() throws {
        let sandbox = try LuaSandbox()
        let inside = DispatchSemaphore(value: 0)
        let proceed = DispatchSemaphore(value: 0)
        sandbox.register("wait") { _ throws(LuaCallbackError) in
            inside.signal()
            proceed.wait()
            return [.integer(1)]
        }
        let smuggled = Smuggled(sandbox)
        let result = Smuggled(ResultBox())
        let thread = DispatchQueue(label: "lua-confinement")
        thread.async {
            result.value.values = try? smuggled.value.run(smuggled.value.compile("return wait()", chunkName: "c.lua"))
            result.value.done.signal()
        }
        inside.wait()
        #expect(throws: LuaError.self) { try sandbox.compile("return 2", chunkName: "other.lua") }
        proceed.signal()
        result.value.done.wait()
        #expect(result.value.values == [1])
        #expect(try sandbox.run(sandbox.compile("return 3", chunkName: "c.lua")) == [3], "free again after the call")
    }

    @Test func reentrantCallsFromACallbackAreAllowed() throws {
        let sandbox = try LuaSandbox()
        _ = try sandbox.run(sandbox.compile("function inner(x) return x * 10 end", chunkName: "c.lua"))
        let weak = WeakSandbox(sandbox)
        sandbox.register("outer") { arguments throws(LuaCallbackError) in
            guard let sandbox = weak.value else { throw LuaCallbackError("the sandbox is gone") }
            do {
                return try sandbox.call(global: "inner", arguments)
            } catch {
                throw LuaCallbackError("\(error)")
            }
        }
        #expect(try sandbox.run(sandbox.compile("return outer(4) + 1", chunkName: "c.lua")) == [41])
    }

    @Test func separateSandboxesRunOnSeparateThreads() async throws {
        try await withThrowingTaskGroup(of: [LuaValue].self) { group in
            for n in 1 ... 4 {
                group.addTask {
                    let sandbox = try LuaSandbox(randomSeed: n)
                    return try sandbox.run(sandbox.compile("local s = 0 for i = 1, \(n) * 1000 do s = s + i end return s", chunkName: "c.lua"))
                }
            }
            var sums: [LuaValue] = []
            for try await values in group { sums += values }
            #expect(Set(sums) == Set((1 ... 4).map { n in LuaValue.integer((n * 1000) * (n * 1000 + 1) / 2) }))
        }
    }

    /// A callback must not hold its own sandbox strongly (Lua keeps the callback alive).
    final class WeakSandbox: @unchecked Sendable {
        weak var value: LuaSandbox?
        init(_ value: LuaSandbox) { self.value = value }
    }

    final class ResultBox {
        var values: [LuaValue]?
        let done = DispatchSemaphore(value: 0)
    }
}
