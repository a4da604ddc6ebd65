import CheckoutScripting
import Lua

/// What one live checkout engine (its Lua state with the compiled script and the host model)
/// holds in memory.
struct SandboxMemory {
    /// Lua bytes of a bare sandbox (the safe libraries, no checkout model, no script).
    var bare: Int
    /// Lua bytes of a fresh engine: compiled, reset, ready for its first checkout.
    var idle: Int
    /// The Lua state's peak during a checkout (prepare and on_receipt), from its allocator.
    var peak: Int
    /// Resident memory per engine after a checkout, over `count` engines alive at once: the
    /// Lua state, the Swift side and malloc's overhead.
    var resident: Int

    /// Measures engines running the workload's checkout.
    /// - Parameters:
    ///   - workload: The basket size and script to run.
    ///   - count: How many engines to keep alive at once for the resident figure.
    /// - Throws: What a checkout throws.
    static func measure(_ workload: Workload, count: Int = 40) throws -> SandboxMemory {
        let before = ResidentMemory.bytes()
        var engines: [CheckoutEngine] = []
        for _ in 0 ..< count { engines.append(try CheckoutEngine(script: workload.engine.script)) }
        let idle = engines[0].usage.memory
        for engine in engines { try workload.withoutJSON(on: engine) }
        let resident = (ResidentMemory.bytes() - before) / count
        let bare = try LuaSandbox().usage.memory
        return SandboxMemory(bare: bare, idle: idle, peak: engines[0].usage.peakMemory, resident: resident)
    }
}
