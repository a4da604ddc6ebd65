import Foundation

/// The table scripts/bench prints and the README shows, with each target of issue 7 checked.
struct BenchReport {
    var machine: Machine
    var results: [SizeResult]
    var stxRunStart: ColdStart?
    var luaStart: ColdStart?

    /// The report as Markdown.
    var markdown: String {
        (["Machine: \(machine.description).", "", table, "", scaling, memory]
            + coldStart + ["", "Targets:"] + targets.map { "- \($0)" }).joined(separator: "\n")
    }

    private var table: String {
        var lines = [
            "| products | stx, no JSON µs | stx, end to end µs | pure Lua µs | no JSON ÷ pure | end to end ÷ pure | checkouts/s/core: no JSON · end to end · pure |",
            "|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in results {
            let pure = r.pure.map { Self.format($0) } ?? "–"
            let ratio = { (value: Double) in r.pure.map { Self.format(value / $0, digits: 2) + "×" } ?? "–" }
            let rates = [r.withoutJSON, r.endToEnd, r.pure].map { $0.map { Self.grouped(1e6 / $0) } ?? "–" }
            lines.append(
                "| \(Self.grouped(Double(r.size))) | \(Self.format(r.withoutJSON)) | \(Self.format(r.endToEnd)) | \(pure) | "
                    + "\(ratio(r.withoutJSON)) | \(ratio(r.endToEnd)) | \(rates.joined(separator: " · ")) |")
        }
        return lines.joined(separator: "\n")
    }

    private var scaling: String {
        guard let first = results.first, let last = results.last, first.size < last.size else { return "" }
        let ratio = { (a: Double?, b: Double?) in
            if let a, let b { return Self.format(b / a, digits: 1) + "×" }
            return "–"
        }
        return "Cost of \(last.size) products ÷ cost of \(first.size): stx no JSON \(ratio(first.withoutJSON, last.withoutJSON)), "
            + "end to end \(ratio(first.endToEnd, last.endToEnd)), pure Lua \(ratio(first.pure, last.pure))."
    }

    private var memory: String {
        guard let first = results.first else { return "" }
        let sizes = results.map { "\($0.size): Lua peak \(Self.kib($0.memory.peak)), resident \(Self.kib($0.memory.resident))" }
        return "Memory per live sandbox: \(Self.kib(first.memory.idle)) of Lua state when compiled and idle "
            + "(a bare LuaSandbox: \(Self.kib(first.memory.bare))); "
            + "during a checkout of " + sizes.joined(separator: "; ") + "."
    }

    private var coldStart: [String] {
        guard let stx = stxRunStart, let lua = luaStart else { return [] }
        return [
            "",
            "Cold start, one \(results.first?.size ?? 10)-product checkout per process (wall: lowest median of 3 rounds of 11 runs; CPU: mean): "
                + "`stx-run` \(Self.format(stx.wallMilliseconds, digits: 1)) ms (CPU \(Self.format(stx.cpuMilliseconds, digits: 1)) ms), "
                + "`lua5.4` \(Self.format(lua.wallMilliseconds, digits: 1)) ms (CPU \(Self.format(lua.cpuMilliseconds, digits: 1)) ms).",
        ]
    }

    private var targets: [String] {
        var lines: [String] = []
        let withPure = results.filter { $0.pure != nil }
        if !withPure.isEmpty {
            let worst = withPure.map { $0.withoutJSON / ($0.pure ?? 1) }.max() ?? 0
            let worstE2E = withPure.map { $0.endToEnd / ($0.pure ?? 1) }.max() ?? 0
            lines.append(Self.check(worst <= 1.5, "stx without JSON ≤ 1.5× pure Lua at every size: worst \(Self.format(worst, digits: 2))×"))
            lines.append(Self.check(worstE2E <= 3, "end to end ≤ 3× pure Lua at every size: worst \(Self.format(worstE2E, digits: 2))×"))
        }
        if let small = results.first(where: { $0.size == 10 }), let large = results.first(where: { $0.size == 1000 }) {
            let noJSON = large.withoutJSON / small.withoutJSON, e2e = large.endToEnd / small.endToEnd
            lines.append(Self.check(max(noJSON, e2e) <= 110,
                "1,000 products ≤ 110× the cost of 10: no JSON \(Self.format(noJSON, digits: 1))×, end to end \(Self.format(e2e, digits: 1))×"))
        }
        if let small = results.first(where: { $0.size == 10 }) {
            let rate = 1e6 / small.endToEnd
            lines.append(Self.check(rate >= 20_000,
                "≥ 20,000 checkouts/s/core at 10 products, end to end: \(Self.grouped(rate)) (no JSON \(Self.grouped(1e6 / small.withoutJSON)))"))
            let warm = max(small.memory.peak, small.memory.resident)
            lines.append(Self.check(warm <= 100 * 1024,
                "a warm sandbox ≤ 100 KiB: \(Self.kib(warm)) at 10 products (the larger of Lua peak and resident)"))
        }
        if let stx = stxRunStart {
            lines.append(Self.check(stx.wallMilliseconds <= 30, "`stx-run` cold start ≤ 30 ms: \(Self.format(stx.wallMilliseconds, digits: 1)) ms"))
        }
        return lines
    }

    private static func check(_ met: Bool, _ text: String) -> String {
        (met ? "met: " : "NOT met: ") + text
    }

    static func format(_ value: Double, digits: Int = 1) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// 23,456 (thousands with commas, no decimals).
    static func grouped(_ value: Double) -> String {
        let digits = String(Int(value.rounded()))
        var out = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return String(out.reversed())
    }

    static func kib(_ bytes: Int) -> String {
        "\(format(Double(bytes) / 1024, digits: 1)) KiB"
    }
}
