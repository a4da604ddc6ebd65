import Foundation

/// What `lua5.4 Benchmarks/pure/bench.lua SIZES…` printed: per size, the median microseconds
/// per checkout (`pure N µs`) and the result summary (`check N summary`).
struct PureResults {
    var microseconds: [Int: Double] = [:]
    var summaries: [Int: String] = [:]

    /// Reads the output file.
    /// - Parameter path: The file scripts/bench wrote.
    /// - Throws: `BenchError` when it cannot be read.
    init(contentsOfFile path: String) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw BenchError("cannot read the pure-Lua results \(path): run lua5.4 Benchmarks/pure/bench.lua first")
        }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, let size = Int(parts[1]) else { continue }
            switch parts[0] {
            case "pure": microseconds[size] = Double(parts[2])
            case "check": summaries[size] = String(parts[2])
            default: continue
            }
        }
    }
}
