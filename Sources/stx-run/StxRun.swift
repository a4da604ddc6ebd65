import ArgumentParser
import Foundation

/// `stx-run`: runs a merchant's checkout script (design.md §4).
@main
struct StxRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stx-run",
        abstract: "Run a merchant checkout script on a secuconnect Smart Transaction.",
        discussion: """
            Exit codes: 0 ok · 2 usage or invalid input · 3 script error · 4 limit exceeded · \
            5 checkout rejected by the script · 6 the API (or emulator) refused.
            """,
        subcommands: [RunCommand.self, SandboxCommand.self, InitCommand.self, TestCommand.self, ReplayCommand.self],
        defaultSubcommand: RunCommand.self
    )

    /// Parses, runs, and maps every failure to the exit codes of design.md §4.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(with: error)
        }
    }

    private static func exit(with error: any Error) -> Never {
        let code = exitCode(for: error)
        if code == .success {
            print(fullMessage(for: error))
            Foundation.exit(0)
        }
        if let exit = error as? ExitCode {
            Foundation.exit(exit.rawValue)
        }
        // Usage errors: ArgumentParser would exit 64; the CLI contract says 2.
        Console.error(fullMessage(for: error))
        Foundation.exit(ExitStatus.usage.rawValue)
    }
}
