import Foundation
import CheckoutScripting
import SmartTransactions

/// The checks behind the rule-test assertions. Each returns nil when the run meets the
/// expectation, else a message a merchant can act on: expected against actual as a readable
/// diff, amounts in the basket's currency, and the audit trail — which rule changed what.
public enum RuleCheck {
    /// The basket as sent equals `expected`, line by line (description, quantity, price, VAT, kind).
    /// - Parameters:
    ///   - run: The run.
    ///   - expected: The expected lines, coupons included, in basket order.
    /// - Returns: nil, or the failure message.
    public static func basket(_ run: RuleRun, equals expected: [BasketLine]) -> String? {
        if let stopped = notCompleted(run) { return stopped }
        let actual = run.products.map(BasketLine.init)
        guard actual != expected else { return nil }
        return """
            The basket differs from the expected one (- expected, + actual, amounts in \(run.currency)):
            \(table(expected: expected, actual: actual, currency: run.currency))
            \(sumLine(expected: total(of: expected), actual: run.sum, currency: run.currency))
            \(trail(run))
            """
    }

    /// The coupon lines (the discounts) equal `expected`, in basket order.
    /// - Parameters:
    ///   - run: The run.
    ///   - expected: The expected coupon lines; `[]` for no discount.
    /// - Returns: nil, or the failure message.
    public static func coupons(_ run: RuleRun, equal expected: [BasketLine]) -> String? {
        if let stopped = notCompleted(run) { return stopped }
        let actual = run.coupons.map(BasketLine.init)
        guard actual != expected else { return nil }
        let what = expected.isEmpty ? "No discount was expected, but the rules gave one" : "The discounts differ"
        return """
            \(what) (coupon lines; - expected, + actual, amounts in \(run.currency)):
            \(table(expected: expected, actual: actual, currency: run.currency))
            \(trail(run))
            """
    }

    /// `basket_info.sum` as sent equals `cents`.
    /// - Parameters:
    ///   - run: The run.
    ///   - cents: The expected total the customer pays.
    /// - Returns: nil, or the failure message.
    public static func sum(_ run: RuleRun, equals cents: Int) -> String? {
        if let stopped = notCompleted(run) { return stopped }
        guard run.sum != cents else { return nil }
        return """
            \(sumLine(expected: cents, actual: run.sum, currency: run.currency))
            \(CheckoutReport.basket(run.sent ?? run.input))
            \(trail(run))
            """
    }

    /// The transaction was started with `method`.
    /// - Parameters:
    ///   - run: The run.
    ///   - method: The expected payment method.
    /// - Returns: nil, or the failure message.
    public static func paymentMethod(_ run: RuleRun, is method: String) -> String? {
        if let stopped = notCompleted(run) { return stopped }
        guard run.paymentMethod != method else { return nil }
        return "The payment method is \(run.paymentMethod ?? "none"), expected \(method).\n\(trail(run))"
    }

    /// The checkout completed: paid, and `on_receipt` did not fail.
    /// - Parameter run: The run.
    /// - Returns: nil, or the failure message.
    public static func completed(_ run: RuleRun) -> String? {
        guard let failure = run.failure else { return nil }
        if run.result != nil {
            return "The payment went through, but on_receipt failed: \(failure.description)\n\(details(of: failure, in: run))"
        }
        return notCompleted(run)
    }

    /// The script rejected the checkout, with a message that contains `text` (any message when nil).
    /// - Parameters:
    ///   - run: The run.
    ///   - text: Text the rejection message must contain.
    /// - Returns: nil, or the failure message.
    public static func rejected(_ run: RuleRun, containing text: String? = nil) -> String? {
        guard let message = run.rejection else {
            let what = run.failure.map { "it ended with: \($0.description)" }
                ?? "it went through, and the customer paid \(amount(run.sum, run.currency))"
            return "Expected the rules to reject the checkout, but \(what)\n\(trail(run))"
        }
        guard let text, !message.contains(text) else { return nil }
        return "The checkout was rejected with \"\(message)\", expected a message containing \"\(text)\".\n\(trail(run))"
    }

    /// The checkout ended because it exceeded a limit (`kind`, or any when nil).
    /// - Parameters:
    ///   - run: The run.
    ///   - kind: instructions, memory, time or output.
    /// - Returns: nil, or the failure message.
    public static func limitExceeded(_ run: RuleRun, _ kind: CheckoutError.LimitKind? = nil) -> String? {
        let wanted = kind.map { "the \($0.rawValue) limit" } ?? "a limit"
        guard case .limitExceeded(let actual, let message)? = run.failure?.error else {
            let what = run.failure.map { "it ended with: \($0.description)" } ?? "it completed within the limits"
            return "Expected the checkout to exceed \(wanted), but \(what)"
        }
        guard let kind, kind != actual else { return nil }
        return "Expected the checkout to exceed \(wanted), but it exceeded the \(actual.rawValue) limit: \(message)"
    }

    /// The script failed with an error whose message contains `text`.
    /// - Parameters:
    ///   - run: The run.
    ///   - text: Text the error message must contain (e.g. `checkout.lua:12`).
    /// - Returns: nil, or the failure message.
    public static func scriptError(_ run: RuleRun, containing text: String) -> String? {
        guard let failure = run.failure, case .script(_, let message, _) = failure.error else {
            let what = run.failure.map { "it ended with: \($0.description)" } ?? "it completed"
            return "Expected a script error containing \"\(text)\", but \(what)"
        }
        guard !message.contains(text) else { return nil }
        return "The script failed with \"\(message)\", expected an error containing \"\(text)\"."
    }

    /// The printed receipt has lines containing each of `texts`, in this order.
    /// - Parameters:
    ///   - run: The run.
    ///   - texts: Texts, each found in a later line than the one before.
    /// - Returns: nil, or the failure message.
    public static func receipt(_ run: RuleRun, containsLines texts: [String]) -> String? {
        if let stopped = completed(run) { return stopped }
        let printed = run.receiptText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var next = 0
        for text in texts {
            guard let found = printed[next...].firstIndex(where: { $0.contains(text) }) else {
                let after = next == 0 ? "" : " after line \(next)"
                return """
                    The receipt has no line containing "\(text)"\(after). The receipt, as printed:
                    \(numbered(printed))
                    \(trail(run))
                    """
            }
            next = found + 1
        }
        return nil
    }

    // MARK: - Building blocks

    /// The message for a run that stopped before the payment, or nil when it was paid.
    static func notCompleted(_ run: RuleRun) -> String? {
        guard run.result == nil, let failure = run.failure else { return nil }
        return "The checkout did not complete: \(failure.description)\n\(details(of: failure, in: run))"
    }

    private static func details(of failure: CheckoutFailure, in run: RuleRun) -> String {
        var parts: [String] = []
        if case .script(_, _, let traceback) = failure.error, !traceback.isEmpty { parts.append(traceback) }
        parts.append(contentsOf: failure.log.map { "log: \($0)" })
        parts.append(trail(run))
        return parts.joined(separator: "\n")
    }

    /// "What the rules changed" with the audit trail.
    static func trail(_ run: RuleRun) -> String {
        "What the rules changed (" + run.auditText.replacingFirst("Audit\n", with: "audit trail):\n")
    }

    static func sumLine(expected: Int?, actual: Int?, currency: String) -> String {
        var line = "Sum: expected \(amount(expected, currency)), actual \(amount(actual, currency))"
        if let expected, let actual, expected != actual {
            let (difference, overflow) = actual.subtractingReportingOverflow(expected)
            if !overflow {
                line += " (\(difference > 0 ? "+" : "")\(Money.format(difference, currency: currency)))"
            }
        }
        return line
    }

    static func amount(_ cents: Int?, _ currency: String) -> String {
        cents.map { Money.format($0, currency: currency) } ?? "none"
    }

    private static func total(of lines: [BasketLine]) -> Int? {
        var sum = 0
        for line in lines {
            guard let total = line.total else { return nil }
            let (next, overflow) = sum.addingReportingOverflow(total)
            if overflow { return nil }
            sum = next
        }
        return sum
    }

    /// A basket table of the diff between two line lists: `-` expected only, `+` actual only.
    static func table(expected: [BasketLine], actual: [BasketLine], currency: String) -> String {
        var rows = [["", "Description", "Qty", "Price", "Total", "VAT"]]
        for step in TextDiff.steps(expected: expected, actual: actual) {
            switch step {
            case .same(let line): rows.append([" "] + line.cells(currency: currency))
            case .expected(let line): rows.append(["-"] + line.cells(currency: currency))
            case .actual(let line): rows.append(["+"] + line.cells(currency: currency))
            }
        }
        if expected.isEmpty && actual.isEmpty { rows.append([" ", "(no lines)"]) }
        return PlainTable(rows: rows, rightAligned: [2, 3, 4, 5]).render()
    }

    private static func numbered(_ lines: [String]) -> String {
        let width = String(lines.count).count
        return lines.enumerated().map { index, line in
            let number = String(index + 1)
            return "  " + String(repeating: " ", count: width - number.count) + number + " | " + line
        }.joined(separator: "\n")
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
