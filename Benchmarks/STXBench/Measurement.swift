/// The timing method shared with Benchmarks/pure/bench.lua: warm up for `warmUp` seconds, then
/// take `samples` samples of `k` calls each (k chosen so a sample lasts about `sample` seconds)
/// and take the median CPU time per call; do that `rounds` times and report the lowest median
/// (on a shared machine, other tenants only ever add time, and they come in bursts of seconds).
struct Measurement {
    var warmUp = 0.3
    var sample = 0.03
    var samples = 31
    var rounds = 5

    /// The lowest of `rounds` median CPU microseconds per call of each body. The rounds take
    /// turns between the bodies, so a burst of load on the machine does not hit only one.
    /// - Parameter bodies: One checkout each (e.g. without JSON, end to end).
    /// - Returns: Microseconds per call, one per body.
    /// - Throws: What a body throws.
    func microseconds(_ bodies: [() throws -> Void]) throws -> [Double] {
        var best = [Double](repeating: .infinity, count: bodies.count)
        for _ in 0 ..< rounds {
            for (index, body) in bodies.enumerated() { best[index] = min(best[index], try median(body)) }
        }
        return best
    }

    /// One round: warm-up, then the median over the samples, in microseconds.
    private func median(_ body: () throws -> Void) rethrows -> Double {
        let start = CPUTime.now()
        var calls = 0
        repeat {
            try body()
            calls += 1
        } while CPUTime.now() - start < warmUp
        let perCall = (CPUTime.now() - start) / Double(calls)
        let k = max(1, Int((sample / perCall).rounded(.up)))
        var times: [Double] = []
        for _ in 0 ..< samples {
            let t0 = CPUTime.now()
            for _ in 0 ..< k { try body() }
            times.append((CPUTime.now() - t0) / Double(k))
        }
        times.sort()
        return times[times.count / 2] * 1e6
    }
}
