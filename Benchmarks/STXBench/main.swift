// stx-bench: issue 7's benchmark. Run it through scripts/bench, which builds it in release mode,
// times the plain-Lua baseline with lua5.4 first and passes every path. Not part of the tests.
import CheckoutScripting
import SmartTransactions
import Foundation

/// Prints a progress line to stderr (stdout carries only the table).
func progress(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Runs `count` checkouts without timing, for `valgrind --tool=callgrind`.
func profile(size: Int, mode: String, count: Int, script: CheckoutScript) throws {
    let workload = try Workload(size: size, script: script)
    for _ in 0 ..< count {
        if mode == "e2e" { try workload.endToEnd() } else { try workload.withoutJSON() }
    }
}

/// Times every size, checks stx's result against the plain-Lua one, and measures memory.
func measureSizes(_ options: BenchOptions, script: CheckoutScript, pure: PureResults?) throws -> [SizeResult] {
    try options.sizes.map { size in
        let workload = try Workload(size: size, script: script)
        let summary = try workload.summary()
        if let expected = pure?.summaries[size], expected != summary {
            throw BenchError("stx and pure Lua disagree at \(size) products:\n  stx:  \(summary)\n  pure: \(expected)")
        }
        progress("\(size) products: \(summary.prefix(100))…")
        let times = try Measurement().microseconds([{ try workload.withoutJSON() }, { try workload.endToEnd() }])
        let (withoutJSON, endToEnd) = (times[0], times[1])
        return SizeResult(
            size: size, withoutJSON: withoutJSON, endToEnd: endToEnd, pure: pure?.microseconds[size],
            memory: try SandboxMemory.measure(workload))
    }
}

/// Times one small checkout per process: `stx-run` against `lua5.4`.
func measureColdStarts(_ options: BenchOptions, size: Int) throws -> (ColdStart, ColdStart)? {
    guard let stxRun = options.stxRun, let lua = options.lua else { return nil }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("stx-bench-\(getpid())-\(size).json")
    try JSON.serialize(BasketGenerator.transaction(products: size), pretty: true).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let stx = try ColdStart.measure([
        stxRun, options.script, "--transaction", file.path, "--now", Workload.now, "--format", "json",
    ])
    let plain = try ColdStart.measure([lua, options.pureBench, "--once", String(size)])
    return (stx, plain)
}

do {
    let options = try BenchOptions(Array(CommandLine.arguments.dropFirst()))
    let script = try CheckoutScript(contentsOfFile: options.script)
    if let run = options.profile {
        try profile(size: run.size, mode: run.mode, count: run.count, script: script)
        exit(0)
    }
    let pure = try options.pure.map { try PureResults(contentsOfFile: $0) }
    let results = try measureSizes(options, script: script, pure: pure)
    let starts = try measureColdStarts(options, size: options.sizes.min() ?? 10)
    let report = BenchReport(machine: .current(), results: results, stxRunStart: starts?.0, luaStart: starts?.1)
    print(report.markdown)
} catch {
    progress("stx-bench: \(error)")
    exit(1)
}
