import XCTest

// XCTest assertions for rule tests. Each one fails with a message a merchant can act on:
// expected against actual as a readable diff, amounts in EUR (the basket's currency), and the
// audit trail — which rule changed what. The checks themselves are `RuleCheck`'s.

/// Asserts the basket as sent, line by line (description, quantity, price, VAT, kind).
/// - Parameters:
///   - run: The checkout.
///   - expected: Every expected line in basket order, coupons included.
public func assertBasket(_ run: RuleRun, _ expected: [BasketLine], file: StaticString = #filePath, line: UInt = #line) {
    report(RuleCheck.basket(run, equals: expected), file: file, line: line)
}

/// Asserts the coupon lines (the discounts), in basket order.
/// - Parameters:
///   - run: The checkout.
///   - expected: The expected coupon lines; `[]` for no discount.
public func assertCoupons(_ run: RuleRun, _ expected: [BasketLine], file: StaticString = #filePath, line: UInt = #line) {
    report(RuleCheck.coupons(run, equal: expected), file: file, line: line)
}

/// Asserts the total the customer pays (`basket_info.sum` as sent), in cents.
/// - Parameters:
///   - run: The checkout.
///   - cents: The expected sum.
public func assertSum(_ run: RuleRun, _ cents: Int, file: StaticString = #filePath, line: UInt = #line) {
    report(RuleCheck.sum(run, equals: cents), file: file, line: line)
}

/// Asserts the payment method the transaction was started with.
/// - Parameters:
///   - run: The checkout.
///   - method: The expected method, e.g. `loyalty`.
public func assertPaymentMethod(_ run: RuleRun, _ method: String, file: StaticString = #filePath, line: UInt = #line) {
    report(RuleCheck.paymentMethod(run, is: method), file: file, line: line)
}

/// Asserts the checkout completed: paid, and `on_receipt` did not fail.
/// - Parameter run: The checkout.
public func assertCompleted(_ run: RuleRun, file: StaticString = #filePath, line: UInt = #line) {
    report(RuleCheck.completed(run), file: file, line: line)
}

/// Asserts the script rejected the checkout (`tx:reject`).
/// - Parameters:
///   - run: The checkout.
///   - text: Text the rejection message must contain; any message when nil.
public func assertRejected(_ run: RuleRun, containing text: String? = nil, file: StaticString = #filePath, line: UInt = #line) {
    report(RuleCheck.rejected(run, containing: text), file: file, line: line)
}

/// Asserts the checkout ended by exceeding a limit.
/// - Parameters:
///   - run: The checkout.
///   - kind: `.instructions`, `.memory`, `.time` or `.output`; any limit when nil.
public func assertLimitExceeded(
    _ run: RuleRun, _ kind: CheckoutError.LimitKind? = nil, file: StaticString = #filePath, line: UInt = #line
) {
    report(RuleCheck.limitExceeded(run, kind), file: file, line: line)
}

/// Asserts the script failed with an error containing `text` (e.g. `checkout.lua:12`).
/// - Parameters:
///   - run: The checkout.
///   - text: Text the error message must contain.
public func assertScriptError(_ run: RuleRun, containing text: String, file: StaticString = #filePath, line: UInt = #line) {
    report(RuleCheck.scriptError(run, containing: text), file: file, line: line)
}

/// Asserts the printed receipt has lines containing each text, in this order.
/// - Parameters:
///   - run: The checkout.
///   - texts: The texts.
public func assertReceipt(_ run: RuleRun, containsLines texts: [String], file: StaticString = #filePath, line: UInt = #line) {
    report(RuleCheck.receipt(run, containsLines: texts), file: file, line: line)
}

/// Asserts the printed receipt equals the golden file `Goldens/<name>.txt` next to the test
/// file. A missing golden is recorded (and the assertion fails once, so it gets reviewed);
/// `STX_RECORD_GOLDENS=1` records every golden again.
/// - Parameters:
///   - run: The checkout.
///   - name: The golden's name.
///   - width: Characters per receipt line.
public func assertReceiptMatchesGolden(
    _ run: RuleRun, named name: String, width: Int = 42, file: StaticString = #filePath, line: UInt = #line
) {
    if let stopped = RuleCheck.completed(run) { return report(stopped, file: file, line: line) }
    let golden = GoldenFile(path: TestFolder.of(file).appendingPathComponent("Goldens/\(name).txt").path)
    report(golden.check(run.receiptText(width: width)), file: file, line: line)
}

/// Asserts a replay record reproduces exactly with `rules`: same output, same seed. The
/// record's transaction, time and limits are used; a changed script is fine as long as the
/// output is the same.
/// - Parameters:
///   - record: The record (e.g. `try Fixtures.record("bakery.record.json")`).
///   - rules: The rules to replay.
public func assertReplays(
    _ record: CheckoutRecord, with rules: CheckoutRules, file: StaticString = #filePath, line: UInt = #line
) async {
    let replay = await record.replay(with: rules.script)
    if !replay.reproduced { report(replay.report, file: file, line: line) }
}

private func report(_ message: String?, file: StaticString, line: UInt) {
    if let message { XCTFail(message, file: file, line: line) }
}
