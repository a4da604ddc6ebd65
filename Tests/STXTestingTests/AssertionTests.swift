import STXTesting
import XCTest

/// The XCTest assertions report their check's message as a test failure at the caller's line,
/// and stay silent when the rules behave.
final class AssertionTests: XCTestCase {
    private var failures: [(message: String, line: Int)] = []
    private var capturing = false

    override func recordFailure(withDescription description: String, inFile filePath: String, atLine lineNumber: Int, expected: Bool) {
        if capturing {
            failures.append((description, lineNumber))
        } else {
            super.recordFailure(withDescription: description, inFile: filePath, atLine: lineNumber, expected: expected)
        }
    }

    /// Runs `body` and returns the failures it recorded, without failing this test.
    private func captured(_ body: () -> Void) -> [(message: String, line: Int)] {
        capturing = true
        failures = []
        body()
        capturing = false
        return failures
    }

    func testPassingAssertionsRecordNothing() async throws {
        let run = try await bakeryRules.run(breakfast)
        let failures = captured {
            assertBasket(run, breakfastLines)
            assertSum(run, 1205)
            assertCoupons(run, [.coupon("Backwaren -10 %", priceOne: -70, tax: 7)])
            assertCompleted(run)
            assertPaymentMethod(run, "cash")
            assertReceipt(run, containsLines: ["Vielen Dank!"])
        }
        XCTAssertTrue(failures.isEmpty, "\(failures)")
    }

    func testFailingAssertionsReportTheDiffAtTheCallersLine() async throws {
        let run = try await bakeryRules.run(breakfast)
        let line = #line + 2
        let failures = captured {
            assertSum(run, 1275)
            assertRejected(run)
            assertLimitExceeded(run, .instructions)
        }
        XCTAssertEqual(failures.count, 3)
        XCTAssertEqual(failures.first?.line, line)
        XCTAssertTrue(failures.first?.message.contains("Sum: expected 12,75 EUR, actual 12,05 EUR (-0,70 EUR)") == true)
        XCTAssertTrue(failures.first?.message.contains("discount \"Backwaren -10 %\"") == true)
    }

    func testReplayAssertion() async throws {
        let run = try await bakeryRules.run(breakfast)
        let record = CheckoutRecord(run: run, script: bakeryRules.script, scriptPath: nil, limits: .default)
        capturing = true
        failures = []
        await assertReplays(record, with: bakeryRules)
        let changed = CheckoutRules(CheckoutScript(source: bakeryScript.replacingOccurrences(of: "percent = 10", with: "percent = 11")))
        await assertReplays(record, with: changed)
        capturing = false
        XCTAssertEqual(failures.count, 1)
        XCTAssertTrue(failures.first?.message.contains("The replay differs from the record.") == true, "\(failures)")
    }
}
