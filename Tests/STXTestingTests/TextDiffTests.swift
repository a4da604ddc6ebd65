import Foundation
import PropertyBased
import PropertyChecks
import STXTestingCore
import Testing

@Suite("TextDiff")
struct TextDiffTests {
    @Test("equal texts have no diff")
    func equal() {
        #expect(TextDiff.lines(expected: "a\nb", actual: "a\nb") == nil)
    }

    @Test("a changed line shows as - expected, + actual, with the equal lines around it")
    func changedLine() {
        let diff = TextDiff.lines(expected: "a\nb\nc", actual: "a\nB\nc")
        #expect(diff == "  a\n- b\n+ B\n  c")
    }

    @Test("long equal stretches far from a change are shortened")
    func context() throws {
        let expected = (1...20).map(String.init).joined(separator: "\n")
        let actual = expected.replacingFirst("15", with: "fifteen")
        let diff = try #require(TextDiff.lines(expected: expected, actual: actual, context: 1))
        #expect(diff == "  …\n  14\n- 15\n+ fifteen\n  16\n  …")
    }

    @Test("the steps rebuild both sides and keep a longest common subsequence")
    func rebuild() async {
        let line = Gen.int(in: 0...3)
        await propertyCheck(count: 300, input: line.array(of: 0...12), line.array(of: 0...12)) { expected, actual in
            failOnThrow {
                let steps = TextDiff.steps(expected: expected, actual: actual)
                var left: [Int] = [], right: [Int] = [], same = 0
                for step in steps {
                    switch step {
                    case .same(let x): left.append(x); right.append(x); same += 1
                    case .expected(let x): left.append(x)
                    case .actual(let x): right.append(x)
                    }
                }
                #expect(left == expected)
                #expect(right == actual)
                #expect(same == Self.lcs(expected, actual))
            }
        }
    }

    /// The length of a longest common subsequence, by plain recursion over short inputs.
    static func lcs(_ a: [Int], _ b: [Int]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0..<a.count {
            for j in 0..<b.count {
                table[i + 1][j + 1] = a[i] == b[j] ? table[i][j] + 1 : max(table[i][j + 1], table[i + 1][j])
            }
        }
        return table[a.count][b.count]
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
