import CheckoutScripting
import Foundation
import STXTestingCore

/// Where `--record FILE` writes the replay record, and the script it names.
struct RecordTarget {
    /// The record file.
    var path: String
    /// The script as given on the command line.
    var scriptPath: String
}

extension CheckoutRunner {
    /// Writes the replay record of this checkout when `--record` asked for one.
    /// - Parameter outcome: The checkout's result, or why it stopped.
    /// - Throws: Exit 2 when the record cannot be written.
    func writeRecord(_ outcome: Result<CheckoutResult, CheckoutFailure>) throws {
        guard let record else { return }
        let run = RuleRun(input: request.transaction, now: request.now, outcome: outcome)
        let scriptPath = CheckoutRecord.relativePath(of: record.scriptPath, fromFolderOf: record.path)
        do {
            try CheckoutRecord(run: run, script: request.script, scriptPath: scriptPath, limits: request.limits)
                .write(to: record.path)
        } catch {
            Console.error("Invalid input: \(error.message).")
            throw ExitStatus.usage.exitCode
        }
    }
}
