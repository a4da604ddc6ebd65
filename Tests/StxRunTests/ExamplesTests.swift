import Foundation
import Testing

/// Every example in Examples/ runs through `stx-run` and prints exactly its `expected.txt`
/// (recorded once, reviewed, then compared), so the examples cannot rot.
@Suite("Examples/")
struct ExamplesTests {
    static let now = "2026-11-25T17:30:00+01:00"

    static var examples: [String] {
        let folder = StxRunProcess.packageRoot.appendingPathComponent("Examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test("there are at least five examples")
    func enoughExamples() {
        #expect(Self.examples.count >= 5)
    }

    @Test("each example prints its expected output", arguments: examples)
    func example(name: String) throws {
        let folder = "Examples/\(name)"
        let expectedPath = StxRunProcess.packageRoot.appendingPathComponent("\(folder)/expected.txt")
        let output = try StxRunProcess.run([
            "\(folder)/checkout.lua", "--transaction", "\(folder)/transaction.json", "--now", Self.now,
        ])
        let expected = try String(contentsOf: expectedPath, encoding: .utf8)
        #expect(output.stdout == expected, "stderr: \(output.stderr)")
        let status = try String(contentsOf: StxRunProcess.packageRoot.appendingPathComponent("\(folder)/expected-exit-code"), encoding: .utf8)
        #expect("\(output.status)" == status.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
