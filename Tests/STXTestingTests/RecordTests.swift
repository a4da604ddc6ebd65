import CheckoutScripting
import Foundation
import Lua
import SmartTransactions
import STXTestingCore
import Testing

@Suite("Replay records")
struct RecordTests {
    @Test("a record keeps the input, the script's hash, now, the seed, the limits and the output")
    func contents() async throws {
        let run = try await bakeryRules.run(breakfast, now: "2026-11-25T17:30:00+01:00")
        let limits = LuaLimits(maxInstructions: 5_000_000, timeout: .milliseconds(750))
        let record = CheckoutRecord(run: run, script: bakeryRules.script, scriptPath: "../checkout.lua", limits: limits)
        #expect(record.scriptSHA256 == SHA256.hex(bakeryScript))
        #expect(record.now == "2026-11-25T17:30:00+01:00")
        #expect(record.randomSeed == CheckoutEngine.checkoutSeed(for: try breakfast.build(), now: record.now))
        #expect(record.transaction == (try breakfast.build()))
        #expect(record.output == run.output)
        #expect(record.output.objectValue?["exit_code"] == .int(0))
        #expect(record.output.objectValue?["receipt"]?.arrayValue?.isEmpty == false)
        let decoded = try CheckoutRecord(json: JSON.parse(JSON.string(record.json, pretty: true)))
        #expect(decoded == record)
        #expect(decoded.limits.timeout == .milliseconds(750))
    }

    @Test("a replay with the same script reproduces the output exactly")
    func reproduces() async throws {
        let run = try await bakeryRules.run(breakfast)
        let record = CheckoutRecord(run: run, script: bakeryRules.script, scriptPath: nil, limits: .default)
        let replay = await record.replay(with: bakeryRules.script)
        #expect(replay.reproduced)
        #expect(!replay.scriptChanged)
        #expect(replay.report.hasPrefix("The replay reproduced the recorded output exactly (exit code 0)."))
    }

    @Test("scripts that use math.random replay exactly: the seed comes from the transaction and now")
    func random() async throws {
        let script = CheckoutScript(source: "function on_basket(tx) log(math.random(1, 1000000)) end")
        let run = await CheckoutRules(script).run(try breakfast.build())
        let record = CheckoutRecord(run: run, script: script, scriptPath: nil, limits: .default)
        #expect(run.log.count == 1)
        #expect((await record.replay(with: script)).reproduced)
    }

    @Test("a changed rule shows the difference in the output")
    func differs() async throws {
        let run = try await bakeryRules.run(breakfast)
        let record = CheckoutRecord(run: run, script: bakeryRules.script, scriptPath: nil, limits: .default)
        let changed = CheckoutScript(source: bakeryScript.replacingOccurrences(of: "percent = 10", with: "percent = 15"))
        let replay = await record.replay(with: changed)
        #expect(!replay.reproduced)
        #expect(replay.scriptChanged)
        let report = replay.report
        #expect(report.hasPrefix("The replay differs from the record.\nNote: the script changed since the record"))
        let lines = report.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("- ") && $0.contains("\"priceOne\": -70") })
        #expect(lines.contains { $0.hasPrefix("+ ") && $0.contains("\"priceOne\": -104") })
    }

    @Test("a rejected checkout is recorded and replayed too")
    func rejected() async throws {
        let run = try await bakeryRules.run(TransactionBuilder().topUp(100).card())
        let record = CheckoutRecord(run: run, script: bakeryRules.script, scriptPath: nil, limits: .default)
        #expect(record.output.objectValue?["exit_code"] == .int(5))
        #expect(record.output.objectValue?["error"] == .string("The script rejected the checkout: Aufladung erst ab 5,00 EUR"))
        #expect((await record.replay(with: bakeryRules.script)).reproduced)
    }

    @Test("a record is a transaction fixture as it is")
    func asFixture() async throws {
        let folder = try temporaryFolder()
        let run = try await bakeryRules.run(breakfast)
        let path = folder.appendingPathComponent("x.record.json").path
        try CheckoutRecord(run: run, script: bakeryRules.script, scriptPath: nil, limits: .default).write(to: path)
        #expect(try TransactionFile.load(path) == (try breakfast.build()))
        #expect(try CheckoutRecord(contentsOfFile: path).output == run.output)
    }

    @Test("unreadable and invalid records are refused with a reason")
    func invalid() throws {
        let folder = try temporaryFolder()
        let cases = [
            ("{}", "no \"stx_record\" version"),
            (#"{"stx_record": 2}"#, "record format 2"),
            (#"{"stx_record": 1, "script": {"name": "a.lua"}}"#, "\"script.sha256\" must be a string"),
            ("[1,", "not valid JSON"),
            (#"{"stx_record": 1, "script": {"name": "a.lua", "sha256": "00"}, "now": "n", "random_seed": 1, "limits": {"max_memory": -1}, "transaction": {}, "output": {}}"#,
             "the limits must be positive"),
            (#"{"stx_record": 1, "script": {"name": "a.lua", "sha256": "00"}, "now": "n", "random_seed": 1, "transaction": {}}"#,
             "no \"output\" object"),
        ]
        for (text, reason) in cases {
            let path = try write(text, "r.json", in: folder)
            let error = #expect(throws: TestInputError.self) { try CheckoutRecord(contentsOfFile: path) }
            #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
        }
        #expect(throws: TestInputError.self) { try CheckoutRecord(contentsOfFile: folder.appendingPathComponent("none").path) }
    }

    @Test("the script path is stored relative to the record and resolved back", arguments: [
        ("/p/checkout.lua", "/p/Tests/Fixtures/r.json", "../../checkout.lua"),
        ("/p/checkout.lua", "/p/r.json", "checkout.lua"),
        ("/p/rules/a.lua", "/q/r.json", "../p/rules/a.lua"),
    ])
    func relativePaths(script: String, record: String, relative: String) throws {
        #expect(CheckoutRecord.relativePath(of: script, fromFolderOf: record) == relative)
        var stored = CheckoutRecord(
            run: RuleRun(input: SmartTransaction(), now: "x", outcome: .failure(CheckoutFailure(.invalidInput("x")))),
            script: CheckoutScript(source: ""), scriptPath: relative, limits: .default)
        #expect(stored.scriptPath(relativeTo: record) == script)
        stored.scriptPath = nil
        #expect(stored.scriptPath(relativeTo: record) == nil)
    }
}
