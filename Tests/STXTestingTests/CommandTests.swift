import Foundation
import SmartTransactions
import STXTestingCore
import Testing

/// `stx-run SCRIPT --record`, `stx-run replay`, `stx-run test` and `stx-run init`, run as a
/// merchant runs them.
@Suite("stx-run init, test, replay and --record")
struct CommandTests {
    @Test("a recorded checkout replays exactly; a changed rule shows the difference and exits 1")
    func recordAndReplay() throws {
        let folder = try temporaryFolder()
        try write(bakeryScript, "checkout.lua", in: folder)
        try write(try String(contentsOfFile: try fixturePath("bakery.json"), encoding: .utf8), "tx.json", in: folder)
        let run = try Cli.run(
            ["checkout.lua", "--transaction", "tx.json", "--now", "2026-11-25T17:30:00+01:00", "--record", "records/a.json"],
            in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot write the record"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("records"), withIntermediateDirectories: true)
        let recorded = try Cli.run(
            ["checkout.lua", "--transaction", "tx.json", "--now", "2026-11-25T17:30:00+01:00", "--record", "records/a.json"],
            in: folder)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let record = try CheckoutRecord(contentsOfFile: folder.appendingPathComponent("records/a.json").path)
        #expect(record.scriptPath == "../checkout.lua")
        #expect(record.now == "2026-11-25T17:30:00+01:00")

        let replay = try Cli.run(["replay", "records/a.json"], in: folder)
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
        #expect(replay.stdout.hasPrefix("The replay reproduced the recorded output exactly (exit code 0)."))

        try write(bakeryScript.replacingOccurrences(of: "percent = 10", with: "percent = 20"), "checkout.lua", in: folder)
        let changed = try Cli.run(["replay", "records/a.json"], in: folder)
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("Note: the script changed since the record"))
        #expect(changed.stdout.contains("\"priceOne\": -139"))

        let original = try Cli.run(["replay", "records/a.json", "--script", "other.lua"], in: folder)
        #expect(original.status == 2)
        #expect(original.stderr.contains("other.lua"))
    }

    @Test("the CLI's record and the library's run agree: the same output from both")
    func cliAndLibraryAgree() async throws {
        let folder = try temporaryFolder()
        try write(bakeryScript, "checkout.lua", in: folder)
        try write(try String(contentsOfFile: try fixturePath("bakery.json"), encoding: .utf8), "tx.json", in: folder)
        let cli = try Cli.run(["checkout.lua", "--transaction", "tx.json", "--now", "2026-11-25T18:00:00+01:00", "--record", "r.json"], in: folder)
        #expect(cli.status == 0)
        let record = try CheckoutRecord(contentsOfFile: folder.appendingPathComponent("r.json").path)
        let run = await bakeryRules.run(try TransactionFile.load(try fixturePath("bakery.json")), now: "2026-11-25T18:00:00+01:00")
        #expect(record.output == run.output)
        #expect(record.randomSeed == run.randomSeed)
    }

    @Test("a rejected checkout is recorded with its exit code and error, and replays")
    func recordRejected() throws {
        let folder = try temporaryFolder()
        try write(bakeryScript, "checkout.lua", in: folder)
        try write(JSONText.of(try TransactionBuilder().topUp(200).card().build()), "tx.json", in: folder)
        let run = try Cli.run(["checkout.lua", "--transaction", "tx.json", "--record", "r.json"], in: folder)
        #expect(run.status == 5)
        let record = try CheckoutRecord(contentsOfFile: folder.appendingPathComponent("r.json").path)
        #expect(record.output.objectValue?["exit_code"] == .int(5))
        #expect(try Cli.run(["replay", "r.json"], in: folder).status == 0)
    }

    @Test("--record with --send and unreadable records are usage errors")
    func usage() throws {
        let folder = try temporaryFolder()
        try write(bakeryScript, "checkout.lua", in: folder)
        #expect(try Cli.run(["checkout.lua", "--send", "--record", "r.json"], in: folder).status == 2)
        try write("{}", "bad.json", in: folder)
        let bad = try Cli.run(["replay", "bad.json"], in: folder)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("stx_record"))
        #expect(try Cli.run(["test"], in: folder).status == 2)
    }

    @Test("stx-run test prints each case and ends with 'N passed, N failed'")
    func specs() throws {
        let folder = try temporaryFolder()
        try write(bakeryScript, "checkout.lua", in: folder)
        try write("""
            return { cases = {
              { name = "ok", given = { products = { { desc = "Brot", priceOne = 1000, tax = 7, group = "Backwaren" } } }, expect = { sum = 900 } },
              { name = "wrong", given = { products = { { desc = "Brot", priceOne = 1000, tax = 7 } } }, expect = { sum = 900 } },
            } }
            """, "a.spec.lua", in: folder)
        let output = try Cli.run(["test", "a.spec.lua"], in: folder)
        #expect(output.status == 1)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.last == "1 passed, 1 failed")
        #expect(lines.contains("  ok    ok"))
        #expect(lines.contains("  FAIL  wrong"))
        #expect(output.stdout.contains("Sum: expected 9,00 EUR, actual 10,00 EUR (+1,00 EUR)"))
    }

    @Test("stx-run init writes a complete project whose specs and record pass at once")
    func initProject() throws {
        let parent = try temporaryFolder()
        let created = try Cli.run(["init", "my-shop", "--stx-path", "/opt/stx"], in: parent)
        #expect(created.status == 2, "not an stx checkout")
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let made = try Cli.run(["init", "my-shop", "--stx-path", repo.path], in: parent)
        #expect(made.status == 0, "\(made.stderr)")
        let project = parent.appendingPathComponent("my-shop")
        for file in [
            "Package.swift", "checkout.lua", "README.md", ".gitignore", ".luarc.json", "lua-types/stx.lua",
            "Tests/RulesTests/RulesTests.swift", "Tests/RulesTests/Fixtures/bakery.json",
            "Tests/RulesTests/Fixtures/bakery.record.json", "Tests/RulesTests/Goldens/bakery-receipt.txt",
            "specs/rules.spec.lua",
        ] {
            #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent(file).path), "\(file)")
        }
        let manifest = try String(contentsOf: project.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains(".package(path: \"\(repo.path)\")"))
        #expect(manifest.contains(".product(name: \"STXTesting\", package: \"\(repo.lastPathComponent.lowercased())\")"))
        #expect(try String(contentsOf: project.appendingPathComponent("lua-types/stx.lua"), encoding: .utf8) == LuaAnnotations.source)

        let specs = try Cli.run(["test", "specs/rules.spec.lua"], in: project)
        #expect(specs.status == 0, "\(specs.stdout)")
        #expect(specs.stdout.hasSuffix("5 passed, 0 failed\n"))
        let replay = try Cli.run(["replay", "Tests/RulesTests/Fixtures/bakery.record.json"], in: project)
        #expect(replay.status == 0, "\(replay.stdout)")
        let golden = try String(contentsOf: project.appendingPathComponent("Tests/RulesTests/Goldens/bakery-receipt.txt"), encoding: .utf8)
        #expect(golden.contains("Sie sparen heute 0,70 EUR"))

        let again = try Cli.run(["init", "my-shop"], in: parent)
        #expect(again.status == 2)
        #expect(again.stderr.contains("is not empty"))
    }

    @Test("--stx-url writes a dependency by URL and version")
    func initByURL() throws {
        let parent = try temporaryFolder()
        let made = try Cli.run(
            ["init", "shop", "--stx-url", "https://git.example.com/acme/stx.git", "--stx-version", "1.2.0"], in: parent)
        #expect(made.status == 0, "\(made.stderr)")
        let manifest = try String(contentsOf: parent.appendingPathComponent("shop/Package.swift"), encoding: .utf8)
        #expect(manifest.contains(".package(url: \"https://git.example.com/acme/stx.git\", from: \"1.2.0\")"))
        #expect(manifest.contains("package: \"stx\")"))
        #expect(try Cli.run(["init", "x", "--stx-url", "https://a/b.git"], in: parent).status == 2)
    }
}

/// JSON text of a transaction, for files.
enum JSONText {
    static func of(_ transaction: SmartTransaction) -> String {
        JSON.string(transaction.json, pretty: true)
    }
}
