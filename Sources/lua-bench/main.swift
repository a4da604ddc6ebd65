// Measures what one checkout run costs with a fresh sandbox per run against one sandbox reused
// with reset(randomSeed:). Run in release mode:
//     swift run -c release --scratch-path .build-lua lua-bench [iterations]
import Lua

let script = """
local total = 0
function on_basket(basket)
  for _, price in ipairs(basket) do total = total + price end
  string.format("%d", total)
  return total
end
"""
let basket: LuaValue = .table(LuaTable(sequence: (1...20).map { .integer($0 * 100) }))
let iterations = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 2_000

/// Runs the script's top level and its hook once in `sandbox`.
func checkout(_ sandbox: LuaSandbox, _ chunk: LuaChunk) throws(LuaError) {
    _ = try sandbox.run(chunk)
    let result = try sandbox.call(global: "on_basket", [basket])
    guard result == [.integer(21_000)] else { throw .host(message: "unexpected result \(result)") }
}

/// Average microseconds per iteration of `body`.
func measure(_ body: (Int) throws(LuaError) -> Void) throws(LuaError) -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    for iteration in 0 ..< iterations { try body(iteration) }
    let elapsed = clock.now - start
    let (seconds, attoseconds) = elapsed.components
    return (Double(seconds) * 1e6 + Double(attoseconds) / 1e12) / Double(iterations)
}

do {
    let fresh = try measure { iteration throws(LuaError) in
        let sandbox = try LuaSandbox(randomSeed: iteration)
        try checkout(sandbox, try sandbox.compile(script, chunkName: "checkout.lua"))
    }
    let sandbox = try LuaSandbox()
    let chunk = try sandbox.compile(script, chunkName: "checkout.lua")
    let reused = try measure { iteration throws(LuaError) in
        sandbox.reset(randomSeed: iteration)
        try checkout(sandbox, chunk)
    }
    print("iterations: \(iterations)")
    print("fresh sandbox per run (create + compile + run): \(String(format2: fresh)) µs")
    print("one sandbox, reset per run (reset + run):       \(String(format2: reused)) µs")
} catch {
    print("lua-bench failed: \(error)")
}

extension String {
    /// A number with one decimal.
    init(format2 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(tenths % 10)"
    }
}
