import ArgumentParser
import CheckoutScripting
import Foundation
import STXTestingCore

/// `stx-run init DIR`: creates a merchant rules project whose tests pass at once.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a merchant rules project: checkout.lua, fixtures, XCTest rule tests, Lua specs, editor types.",
        discussion: """
            The project depends on stx by path (--stx-path, default: the stx checkout this stx-run \
            was built from) or by URL (--stx-url URL --stx-version X). `swift test` passes in it at once.
            """
    )

    /// The stx checkout this binary was built from (three folders above this source file).
    static let builtFrom = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Argument(help: "The folder to create (it must not exist, or be empty).")
    var directory: String

    @Option(help: "Depend on the stx checkout at PATH (default: the one this stx-run was built from).")
    var stxPath: String?

    @Option(help: "Depend on stx by URL instead of by path; needs --stx-version.")
    var stxURL: String?

    @Option(help: "With --stx-url: the version to depend on (from: X).")
    var stxVersion: String?

    func validate() throws {
        if stxURL != nil && stxPath != nil { throw ValidationError("use --stx-path or --stx-url, not both") }
        if (stxURL == nil) != (stxVersion == nil) { throw ValidationError("--stx-url and --stx-version go together") }
    }

    func run() async throws {
        let dependency = try self.dependency()
        let folder = URL(fileURLWithPath: directory).standardizedFileURL
        try Self.checkEmpty(folder)
        let project = ProjectTemplate(name: Self.packageName(folder.lastPathComponent), dependency: dependency)
        do {
            for (path, text) in project.files {
                try Self.write(text, to: folder.appendingPathComponent(path))
            }
            try await Self.recordExamples(in: folder)
        } catch let error as TestInputError {
            Console.error("Invalid input: \(error.message).")
            throw ExitStatus.usage.exitCode
        } catch {
            Console.error("Invalid input: cannot write the project into \(folder.path): \(error.localizedDescription).")
            throw ExitStatus.usage.exitCode
        }
        Console.output(project.nextSteps(folder: directory))
    }

    private func dependency() throws -> StxDependency {
        if let stxURL, let stxVersion { return .url(stxURL, version: stxVersion) }
        let path = URL(fileURLWithPath: stxPath ?? Self.builtFrom).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: path + "/Sources/STXTesting") else {
            Console.error("Invalid input: \(path) is not an stx checkout (no Sources/STXTesting): pass --stx-path PATH or --stx-url URL --stx-version X.")
            throw ExitStatus.usage.exitCode
        }
        return .path(path)
    }

    /// Runs the example script on the example fixture and writes what the example tests compare
    /// with: the replay record and the golden receipt (recorded now, reviewed like any golden).
    private static func recordExamples(in folder: URL) async throws {
        let scriptPath = folder.appendingPathComponent("checkout.lua").path
        let tests = folder.appendingPathComponent("Tests/RulesTests")
        let rules = try CheckoutRules(contentsOfFile: scriptPath)
        let transaction = try TransactionFile.load(tests.appendingPathComponent("Fixtures/bakery.json").path)
        let run = await rules.run(transaction, now: ProjectTemplate.fixtureTime)
        let recordPath = tests.appendingPathComponent("Fixtures/bakery.record.json").path
        let relative = CheckoutRecord.relativePath(of: scriptPath, fromFolderOf: recordPath)
        try CheckoutRecord(run: run, script: rules.script, scriptPath: relative, limits: rules.limits).write(to: recordPath)
        try write(run.receiptText(), to: tests.appendingPathComponent("Goldens/bakery-receipt.txt"))
    }

    private static func checkEmpty(_ folder: URL) throws {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard entries.isEmpty else {
            Console.error("Invalid input: \(folder.path) is not empty: choose a new folder for the project.")
            throw ExitStatus.usage.exitCode
        }
    }

    private static func write(_ text: String, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file, options: .atomic)
    }

    /// A package name from a folder name: letters, digits, `-` and `_`; `rules` if nothing is left.
    static func packageName(_ folder: String) -> String {
        let kept = folder.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }
        let name = String(String.UnicodeScalarView(kept))
        return name.isEmpty ? "rules" : name
    }
}
