import ArgumentParser
import CheckoutScripting
import Foundation
import STXTestingCore

/// `stx-run replay FILE`: runs a recorded checkout again and shows any difference.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Run a checkout recorded with --record again and show any difference.",
        discussion: """
            The record's transaction, time (now) and limits are used with the script the record \
            names (relative to the record's folder), or with --script. Exit codes: 0 the output is \
            exactly the recorded one · 1 it differs · 2 the record or the script cannot be read.
            """
    )

    @Argument(help: "The record file written by stx-run SCRIPT --record FILE.")
    var file: String

    @Option(help: "Replay this script instead of the one the record names.")
    var script: String?

    func run() async throws {
        let record: CheckoutRecord
        do {
            record = try CheckoutRecord(contentsOfFile: file)
        } catch {
            Console.error("Invalid input: \(error.message).")
            throw ExitStatus.usage.exitCode
        }
        guard let path = script ?? record.scriptPath(relativeTo: file) else {
            Console.error("Invalid input: the record names no script path: pass --script PATH.")
            throw ExitStatus.usage.exitCode
        }
        let source: CheckoutScript
        do {
            source = try CheckoutScript(contentsOfFile: path)
        } catch {
            Console.error("\(error.description). The record names the script \(path): pass --script PATH if it moved.")
            throw ExitStatus.usage.exitCode
        }
        let replay = await record.replay(with: source)
        Console.output(replay.report + "\n")
        if !replay.reproduced { throw ExitCode(1) }
    }
}
