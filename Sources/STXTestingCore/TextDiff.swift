/// Line diffs for failure messages: expected lines marked `-`, actual lines `+`, equal lines
/// as context (long equal stretches shortened to `…`).
public enum TextDiff {
    /// One step of a diff.
    public enum Step<Element: Equatable>: Equatable {
        /// In both.
        case same(Element)
        /// Only in the expected sequence.
        case expected(Element)
        /// Only in the actual sequence.
        case actual(Element)
    }

    /// The shortest edit from `expected` to `actual` (longest common subsequence); among equal
    /// edits, expected lines come before the actual lines that replace them.
    /// - Parameters:
    ///   - expected: What the test expected.
    ///   - actual: What the run produced.
    /// - Returns: The steps in order.
    public static func steps<Element: Equatable>(expected: [Element], actual: [Element]) -> [Step<Element>] {
        let n = expected.count, m = actual.count
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] = expected[i] == actual[j]
                    ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var steps: [Step<Element>] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, expected[i] == actual[j] {
                steps.append(.same(expected[i]))
                i += 1
                j += 1
            } else if i < n, j == m || lengths[i + 1][j] >= lengths[i][j + 1] {
                steps.append(.expected(expected[i]))
                i += 1
            } else {
                steps.append(.actual(actual[j]))
                j += 1
            }
        }
        return steps
    }

    /// A readable diff of two texts, line by line.
    /// - Parameters:
    ///   - expected: The expected text.
    ///   - actual: The actual text.
    ///   - context: Equal lines kept around each change.
    /// - Returns: Lines prefixed `  ` (equal), `- ` (expected only), `+ ` (actual only); nil
    ///   when the texts are equal.
    public static func lines(expected: String, actual: String, context: Int = 3) -> String? {
        guard expected != actual else { return nil }
        let steps = steps(expected: split(expected), actual: split(actual))
        let changed = steps.indices.filter { if case .same = steps[$0] { return false } else { return true } }
        guard !changed.isEmpty else {
            return "  (the texts differ only in their line endings or a final newline)"
        }
        var output: [String] = []
        var skipped = false
        for (index, step) in steps.enumerated() {
            switch step {
            case .expected(let line): output.append("- " + line)
            case .actual(let line): output.append("+ " + line)
            case .same(let line):
                let near = changed.contains { abs($0 - index) <= context }
                if near {
                    output.append("  " + line)
                    skipped = false
                } else if !skipped {
                    output.append("  …")
                    skipped = true
                }
            }
        }
        return output.joined(separator: "\n")
    }

    private static func split(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
