import Foundation
import STXTestingCore
import Testing

@Suite("Golden files")
struct GoldenFileTests {
    @Test("a missing golden is recorded and fails once; afterwards it is compared")
    func recordThenCompare() throws {
        let path = try temporaryFolder().appendingPathComponent("Goldens/receipt.txt").path
        let golden = GoldenFile(path: path)
        let first = try #require(golden.check("line 1\nline 2\n", record: false))
        #expect(first.hasPrefix("Recorded the golden file receipt.txt: review it, commit it, and run the tests again."))
        #expect(golden.check("line 1\nline 2\n", record: false) == nil)
        let changed = try #require(golden.check("line 1\nline two\n", record: false))
        #expect(changed.contains("- line 2\n+ line two"))
        #expect(changed.contains("STX_RECORD_GOLDENS=1"))
        #expect(golden.check("line 1\nline two\n", record: true) != nil)
        #expect(golden.check("line 1\nline two\n", record: false) == nil)
    }

    @Test("the receipt of a run is compared as printed")
    func receipt() async throws {
        let run = try await bakeryRules.run(breakfast)
        let golden = GoldenFile(path: try temporaryFolder().appendingPathComponent("r.txt").path)
        _ = golden.check(run.receiptText(), record: true)
        #expect(golden.check(run.receiptText(), record: false) == nil)
        #expect(run.receiptText().contains("Bis bald"))
        let other = try await bakeryRules.run(breakfast.product("Kuchen", priceOne: 250, tax: 7))
        #expect(golden.check(other.receiptText(), record: false)?.contains("+ ") == true)
    }
}
