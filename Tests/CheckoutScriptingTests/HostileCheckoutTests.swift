import CheckoutScripting
import SmartTransactions
import Testing

/// Attacks on the checkout model found by a red-team review; each must fail safely.
@Suite("hostile checkout scripts")
struct HostileCheckoutTests {
    @Test("a metamethod on an inserted line cannot remove an API line during insert")
    func insertCannotDropAPILines() async throws {
        let result = try await checkout("""
            function on_receipt(tx, r)
              local armed = true
              local value = setmetatable({}, { __index = function(_, k)
                if armed then armed = false; r:remove(#r) end
                return "Danke!"
              end })
              r:insert(1, { type = "textline", value = value })
            end
            """)
        let apiLines = try #require(result.transaction.json.objectValueForTests?["receipt"].flatMap(arrayOf))
        #expect(result.receipt == apiLines, "the API's receipt is printed unchanged")
        #expect(result.receiptFailure != nil)
    }

    @Test("a metamethod on a script line cannot change the receipt after on_receipt returned")
    func exportRunsNoScriptCode() async throws {
        let result = try await checkout("""
            function on_receipt(tx, r)
              local armed = false
              local line = setmetatable({}, { __index = function(_, k)
                if armed then armed = false; r:remove(1) end
                if k == "type" then return "space" end
              end })
              r:insert(1, line)
              armed = true
            end
            """)
        let apiLines = try #require(result.transaction.json.objectValueForTests?["receipt"].flatMap(arrayOf))
        let withoutSpaces = result.receipt.filter { $0 != .object(["type": "space"]) }
        #expect(withoutSpaces == apiLines.filter { $0 != .object(["type": "space"]) })
        #expect(result.receipt.count <= apiLines.count + 1)
    }

    @Test("a product listed several times in lines counts once in the base")
    func duplicateLinesCountOnce() {
        let message = failure("""
            function on_basket(tx)
              local bread = tx.basket.products[1]
              tx.basket:discount{ label = "Brot gratis", amount = 701, lines = { bread, bread, bread } }
            end
            """)?.scriptMessage ?? ""
        #expect(message.contains("larger than its base of 7,00 EUR"), "\(message)")
    }

    @Test("a spec is read raw once: its metamethods never run, so they cannot change the basket mid-discount")
    func specReadOnce() {
        let failure = failure("""
            function on_basket(tx)
              local bread = tx.basket.products[1]
              local spec = setmetatable({ label = "x", lines = { bread } }, { __index = function(_, k)
                if k == "amount" then bread.priceOne = 0; return 700 end
              end })
              tx.basket:discount(spec)
            end
            """)
        #expect(failure?.scriptMessage.contains("discount needs percent = N or amount = cents") == true)
        #expect(failure?.audit.contains { $0.action == .set } == false, "the metamethod did not run")
    }

    @Test("no VAT rate may end negative: a coupon at a rate without goods is refused")
    func negativeRateRefused() {
        let message = failure("""
            function on_basket(tx)
              for _, p in ipairs(tx.basket.products) do p.tax = 7 end
              tx.basket:add{ desc = "Gutschein", priceOne = -1000, tax = 19, item_type = "coupon" }
            end
            """)?.scriptMessage ?? ""
        #expect(message.contains("19 % VAT rate negative"), "\(message)")
    }

    @Test("text with control characters or too long cannot reach the receipt or the API", arguments: [
        ("tx.basket.products[1].desc = 'Brot\\nGESAMT 0,00 EUR'", "must not contain control characters"),
        ("tx.merchantRef = string.rep('x', 256)", "merchantRef must be at most 255 bytes"),
        ("tx.merchantRef = 'a\\27[2J'", "must not contain control characters"),
        ("tx.basket:add{ desc = 'x', priceOne = 1, tax = 7, ean = 'a\\0b' }", "ean must not contain control characters"),
        ("tx.basket.products[1].desc = '   '", "must be a non-empty string"),
    ])
    func textIsChecked(statement: String, expected: String) {
        expectLineTwoError(statement, contains: expected)
    }

    @Test("receipt text with control characters is refused at the script line")
    func receiptControlCharacters() async throws {
        let result = try await checkout("function on_receipt(tx, r)\n  r:textline('GESAMT\\r0,00')\nend")
        #expect(result.receiptFailure?.scriptMessage.hasPrefix("checkout.lua:2: ") == true)
    }

    @Test("basket:add checks and copies group, and refuses duplicate ids and unknown item types", arguments: [
        ("group = {5}", "group[1] must be a table"),
        ("id = 1", "id 1 is already in the basket"),
        ("item_type = 'gift'", "item_type must be"),
        ("parent = 99", "parent 99 is not in the basket"),
    ])
    func addChecks(extra: String, expected: String) {
        expectLineTwoError("tx.basket:add{ desc = 'x', priceOne = 1, tax = 7, \(extra) }", contains: expected)
    }

    @Test("an input product field named origin or total changes nothing")
    func inputKeysCannotCollide() throws {
        let json = bakeryJSON.replacingOccurrences(of: #""desc": "Kaffee","#, with: #""desc": "Kaffee", "origin": 1, "total": 5,"#)
        let prepared = try prepare("function on_basket(tx) log(tx.basket.products[2]:total()) end", json: json)
        #expect(prepared.log == ["1000"])
        let coffee = try #require(prepared.products.dropFirst().first)
        #expect(coffee.id == 2 && coffee.ean == "222")
        #expect(coffee.json.objectValueForTests?["origin"] == .int(1))
    }

    @Test("an invalid input transaction is invalid input (exit 2), not a script error", arguments: [
        (#""quantity": 2, "priceOne": 350"#, #""quantity": -3, "priceOne": 350"#),
        (#""tax": 19"#, #""tax": 700"#),
        (#""priceOne": 1000"#, #""priceOne": 9223372036854775807"#),
    ])
    func invalidInput(original: String, replacement: String) {
        let json = bakeryJSON.replacingOccurrences(of: original, with: replacement)
        let failure = failure("function on_basket(tx) end", json: json)
        guard case .invalidInput? = failure?.error else {
            Issue.record("expected invalid input, got \(String(describing: failure?.error))")
            return
        }
    }

    @Test("money cannot be replaced by a script")
    func moneyIsReadOnly() {
        expectLineTwoError("money.format = print", contains: "money is read-only")
    }

    @Test("huge strings in the audit trail are cut short")
    func auditStringsBounded() throws {
        let prepared = try prepare("""
            function on_basket(tx)
              local a = string.rep("a", 255)
              for i = 1, 50 do tx.merchantRef = (i % 2 == 0) and a or (a:sub(2)) end
            end
            """)
        for entry in prepared.audit {
            if case .string(let text)? = entry.details["new"] { #expect(text.utf8.count <= 210) }
        }
    }
}
