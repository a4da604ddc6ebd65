import SmartTransactions

/// A recorded checkout run again: the new run, and what differs from the record.
public struct Replay: Sendable {
    /// The record.
    public var record: CheckoutRecord
    /// The checkout, run again.
    public var run: RuleRun
    /// The SHA-256 of the script that was replayed.
    public var scriptSHA256: String

    /// Whether the replayed script differs from the recorded one.
    public var scriptChanged: Bool { scriptSHA256 != record.scriptSHA256 }

    /// Whether the checkout's random seed differs from the recorded one (the engine derives it
    /// from the transaction and `now`; a difference means the engine changed).
    public var seedChanged: Bool { run.randomSeed != record.randomSeed }

    /// The output's difference from the record as a line diff of the JSON (- recorded, + now),
    /// or nil when the output is exactly the recorded one.
    public var outputDifference: String? {
        TextDiff.lines(
            expected: JSON.string(record.output, pretty: true), actual: JSON.string(run.output, pretty: true))
    }

    /// Whether the replay reproduced the record exactly: the same output and the same seed.
    public var reproduced: Bool { outputDifference == nil && !seedChanged }

    /// A report for people: one sentence first, then the notes and the diff.
    public var report: String {
        var lines: [String] = []
        if reproduced {
            lines.append("The replay reproduced the recorded output exactly (exit code \(run.exitCode)).")
        } else {
            lines.append("The replay differs from the record.")
        }
        if scriptChanged {
            lines.append("Note: the script changed since the record (sha256 \(record.scriptSHA256.prefix(12))… → \(scriptSHA256.prefix(12))…).")
        }
        if seedChanged {
            lines.append("The random seed differs: recorded \(record.randomSeed), now \(run.randomSeed).")
        }
        if let difference = outputDifference {
            lines.append("Output (- recorded, + now):")
            lines.append(difference)
        }
        return lines.joined(separator: "\n")
    }
}
