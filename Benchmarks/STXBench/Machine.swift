import Foundation

/// The machine the figures come from, as the README states it.
struct Machine {
    var cores: Int
    var cpuModel: String
    var date: String

    /// The current machine: online cores, the first `model name` of /proc/cpuinfo, today (UTC).
    static func current() -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return Machine(cores: ProcessInfo.processInfo.activeProcessorCount, cpuModel: model, date: formatter.string(from: Date()))
    }

    /// "nproc 2, AMD EPYC, 2026-11-25".
    var description: String { "nproc \(cores), \(cpuModel), \(date)" }
}
