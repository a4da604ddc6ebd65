import SmartTransactions

/// Renders a checkout for people: the basket with its discounts, the totals per VAT rate, the
/// audit trail and the receipt as a printer prints it.
public enum CheckoutReport {
    /// The whole report of a completed checkout.
    /// - Parameters:
    ///   - result: The checkout.
    ///   - style: `.ansi` for a terminal (bold for `important`), `.plain` otherwise.
    public static func text(_ result: CheckoutResult, style: ReceiptRenderer.Style = .plain) -> String {
        let currency = currency(of: result.prepared.transaction)
        var sections = [
            basket(result.prepared.transaction),
            vatTotals(result.prepared.transaction),
            audit(result.audit, currency: currency),
        ]
        let lines = result.receipt.compactMap { try? ReceiptLine(json: $0) }
        sections.append("Receipt\n" + ReceiptRenderer(style: style).render(lines))
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// The basket as a table: one row per line, coupons marked, then the sum.
    public static func basket(_ transaction: SmartTransaction) -> String {
        let currency = currency(of: transaction)
        var rows = [["#", "Description", "Qty", "Price", "Total", "VAT"]]
        var sum = 0
        for product in transaction.basket?.products ?? [] {
            let total = (try? product.total()) ?? 0
            sum = (try? Money.sum([sum, total])) ?? sum
            let marker = product.isTopUp ? " (top-up)" : product.itemType == .coupon ? " (coupon)" : ""
            rows.append([
                product.id.map(String.init) ?? "-", product.desc + marker, String(product.quantity),
                Money.format(product.priceOne, currency: currency, symbol: false),
                Money.format(total, currency: currency, symbol: false), "\(product.tax) %",
            ])
        }
        let table = Table(rows: rows, rightAligned: [0, 2, 3, 4, 5]).render()
        return "Basket\n" + table + "\n  Sum \(Money.format(sum, currency: currency))"
    }

    /// Gross, net and tax per VAT rate (design.md §5).
    public static func vatTotals(_ transaction: SmartTransaction) -> String {
        let currency = currency(of: transaction)
        guard let totals = try? VATBreakdown.of(transaction.basket?.products ?? []) else {
            return "VAT\n  (the totals overflow)"
        }
        var rows = [["VAT", "Gross", "Net", "Tax"]]
        for total in totals {
            rows.append([
                "\(total.rate) %", Money.format(total.gross, currency: currency, symbol: false),
                Money.format(total.net, currency: currency, symbol: false),
                Money.format(total.tax, currency: currency, symbol: false),
            ])
        }
        return "VAT (\(currency))\n" + Table(rows: rows, rightAligned: [0, 1, 2, 3]).render()
    }

    /// The audit trail, one line per entry: hook, script line, what happened.
    public static func audit(_ entries: [AuditEntry], currency: String = "EUR") -> String {
        guard !entries.isEmpty else { return "Audit\n  (no changes)" }
        let rows = entries.map { [$0.hook, $0.line, $0.summary(currency: currency)] }
        return "Audit\n" + Table(rows: rows, rightAligned: []).render()
    }

    static func currency(of transaction: SmartTransaction) -> String {
        transaction.basketInfo?.currency ?? "EUR"
    }
}

/// A plain-text table with columns padded to their widest cell.
struct Table {
    var rows: [[String]]
    var rightAligned: Set<Int>

    func render() -> String {
        let widths = (0..<(rows.map(\.count).max() ?? 0)).map { column in
            rows.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        return rows.map { row in
            "  " + row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
