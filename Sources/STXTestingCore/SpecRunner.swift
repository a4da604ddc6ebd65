import CheckoutScripting
import Foundation

/// Runs Lua rule specs (`stx-run test SPEC.lua…`) and reports each case, then the closing line
/// `N passed, N failed`.
public struct SpecRunner: Sendable {
    /// The counts of a run.
    public struct Summary: Sendable, Equatable {
        /// Cases that met their expectations.
        public var passed = 0
        /// Cases that did not, plus spec files that could not be read.
        public var failed = 0

        /// Counts.
        /// - Parameters:
        ///   - passed: Cases that met their expectations.
        ///   - failed: Cases that did not, plus spec files that could not be read.
        public init(passed: Int = 0, failed: Int = 0) {
            self.passed = passed
            self.failed = failed
        }

        /// `N passed, N failed`.
        public var line: String { "\(passed) passed, \(failed) failed" }
    }

    /// A script path that overrides every spec's `script`.
    public var script: String?

    /// A runner.
    /// - Parameter script: A script path that overrides every spec's `script`.
    public init(script: String? = nil) {
        self.script = script
    }

    /// Runs every case of every spec file, writing the report as it goes.
    /// - Parameters:
    ///   - files: The spec files.
    ///   - write: Receives the report line by line (a case's failure message spans several lines).
    /// - Returns: The counts; the report's last line is ``Summary/line``.
    public func run(_ files: [String], write: (String) -> Void) async -> Summary {
        var summary = Summary()
        for file in files {
            await run(file, into: &summary, write: write)
        }
        write(summary.line)
        return summary
    }

    private func run(_ file: String, into summary: inout Summary, write: (String) -> Void) async {
        let spec: RuleSpec
        let rules: CheckoutRules
        do {
            spec = try RuleSpec(contentsOfFile: file, script: script)
            rules = try CheckoutRules(contentsOfFile: spec.scriptPath)
        } catch {
            write(file)
            write("  FAIL  the spec could not be run: \(error.message)")
            summary.failed += 1
            return
        }
        write("\(file) (script: \(spec.scriptPath))")
        for specCase in spec.cases {
            let run = await rules.limited(to: specCase.limits).run(specCase.transaction, now: specCase.now)
            let failures = specCase.expectation.failures(of: run)
            if failures.isEmpty {
                summary.passed += 1
                write("  ok    \(specCase.name)")
            } else {
                summary.failed += 1
                write("  FAIL  \(specCase.name)")
                for message in failures { write(Self.indent(message, by: 8)) }
            }
        }
    }

    private static func indent(_ text: String, by count: Int) -> String {
        let pad = String(repeating: " ", count: count)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
    }
}
