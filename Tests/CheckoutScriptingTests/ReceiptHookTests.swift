import CheckoutScripting
import SmartTransactions
import STXEmulator
import Testing

@Suite("on_receipt and the receipt object (design.md §3, §4)")
struct ReceiptHookTests {
    @Test("receipt methods append lines after the API's lines, and insert places a line anywhere")
    func appendsLines() async throws {
        let result = try await checkout("""
            function on_receipt(tx, receipt)
              local n = #receipt
              receipt:separator("Danke")
              receipt:textline("Bis bald", "important", "align-center")
              receipt:name_value("Punkte", "7", "important")
              receipt:space()
              receipt:insert(1, { type = "textline", value = { text = "Kopfzeile", decoration = {} } })
              log(n, #receipt, receipt[1].value.text, receipt[2].type)
            end
            """)
        let apiLines = try #require(result.transaction.json.objectValueForTests?["receipt"].flatMap(arrayOf))
        #expect(!apiLines.isEmpty)
        #expect(result.receipt.count == apiLines.count + 5)
        #expect(result.receipt[0] == .object(["type": "textline", "value": .object(["text": "Kopfzeile", "decoration": .array([])])]))
        #expect(Array(result.receipt[1...apiLines.count]) == apiLines)
        #expect(result.receipt[apiLines.count + 1] == .object(["type": "separator", "value": .object(["caption": "Danke"])]))
        #expect(result.receipt[apiLines.count + 2] == .object([
            "type": "textline", "value": .object(["text": "Bis bald", "decoration": .array(["important", "align-center"])]),
        ]))
        #expect(result.receipt.last == .object(["type": "space"]))
        #expect(result.log.last == "\(apiLines.count)\t\(apiLines.count + 5)\tKopfzeile\t\(apiLinesFirstType(apiLines))")
        #expect(result.receiptFailure == nil)
    }

    @Test("the API's lines cannot be removed or altered (fiscal content)", arguments: [
        "receipt:remove(1)",
        "receipt[1].type = 'space'",
        "receipt[1].value = {}",
        "receipt[1] = { type = 'space' }",
    ])
    func apiLinesProtected(statement: String) async throws {
        let result = try await checkout("function on_receipt(tx, receipt)\n  \(statement)\nend")
        let failure = try #require(result.receiptFailure)
        #expect(failure.scriptMessage.hasPrefix("checkout.lua:2: "), "\(failure.scriptMessage)")
        // a paid transaction never loses its receipt: the API's lines come back unchanged
        #expect(result.receipt == result.transaction.json.objectValueForTests?["receipt"].flatMap(arrayOf))
    }

    @Test("script lines can be removed; bad decorations and shapes are refused", arguments: [
        ("receipt:textline('x', 'blink')", "unknown decoration \"blink\""),
        ("receipt:name_value('a', 'b', 'align-center')", "take only the decoration \"important\""),
        ("receipt:textline({})", "textline text must be a string"),
        ("receipt:remove(99)", "there is no line 99"),
        ("receipt:insert(0, { type = 'space' })", "outside"),
        ("local l = receipt:textline('x'); l.value.text = {}", "receipt line"),
        ("receipt:insert(1, { type = 'barcode', value = {} })", "type must be separator, textline, name-value or space"),
    ])
    func refusesBadLines(statement: String, expected: String) async throws {
        let result = try await checkout("function on_receipt(tx, receipt)\n  \(statement)\nend")
        let message = result.receiptFailure?.scriptMessage ?? ""
        #expect(message.contains(expected), "\(message)")
    }

    @Test("on_receipt sees the paid transaction read-only and cannot reject any more")
    func paidTransactionReadOnly() async throws {
        for statement in ["tx.basket.products[1].quantity = 5", "tx:reject('late')", "tx.basket:add{desc='x', priceOne=1, tax=7}", "tx.merchantRef = 'x'"] {
            let result = try await checkout("function on_receipt(tx, receipt)\n  \(statement)\nend")
            let message = result.receiptFailure?.scriptMessage ?? ""
            #expect(message.hasPrefix("checkout.lua:2: "), "\(statement): \(message)")
            #expect(message.contains("paid") || message.contains("too late"), "\(message)")
        }
    }

    @Test("globals set in on_basket are visible in on_receipt of the same checkout")
    func stateAcrossHooks() async throws {
        let result = try await checkout("""
            local saved = 0
            function on_basket(tx)
              for _, coupon in ipairs(tx.basket:discount{ label = "x", amount = 123 }) do saved = saved + coupon.priceOne end
            end
            function on_receipt(tx, receipt) receipt:textline("gespart " .. money.format(-saved)) end
            """)
        #expect(result.receipt.last == .object(["type": "textline", "value": .object(["text": "gespart 1,23 EUR", "decoration": .array([])])]))
    }

    @Test("receipt lines are recorded in the audit trail")
    func auditsReceiptLines() async throws {
        let result = try await checkout("function on_receipt(tx, receipt)\n  receipt:textline('Danke')\nend")
        let entry = try #require(result.audit.last)
        #expect(entry.action == .receiptLine && entry.hook == "on_receipt" && entry.line == "checkout.lua:2")
    }
}

func arrayOf(_ value: JSONValue) -> [JSONValue]? {
    if case .array(let items) = value { return items }
    return nil
}

func apiLinesFirstType(_ lines: [JSONValue]) -> String {
    if case .object(let object) = lines[0], case .string(let type)? = object["type"] { return type }
    return "?"
}
