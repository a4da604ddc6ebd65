import Foundation
import Testing

@Suite("stx-run: the CLI contract (design.md §4)")
struct CLIContractTests {
    static let now = "2026-11-25T17:30:00+01:00"

    @Test("a script on the built-in demo transaction exits 0 and prints basket, VAT, audit and receipt")
    func demoRun() throws {
        let script = try StxRunProcess.temporaryFile("function on_basket(tx) tx.basket:discount{ label = 'Demo -10 %', percent = 10 } end")
        let output = try StxRunProcess.run([script, "--now", Self.now])
        #expect(output.status == 0, "\(output.stderr)")
        for heading in ["Basket", "VAT", "Audit", "Receipt"] {
            #expect(output.stdout.contains(heading + "\n") || output.stdout.contains(heading + " ("), "missing \(heading)")
        }
        #expect(output.stdout.contains("Demo -10 %"))
    }

    @Test("--format json prints one object with transaction, receipt, audit and log; log never on stdout in text")
    func jsonFormat() throws {
        let script = try StxRunProcess.temporaryFile("function on_basket(tx) log('hello from lua') end")
        let output = try StxRunProcess.run([script, "--now", Self.now, "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        #expect(Set(object?.keys.map { $0 } ?? []) == ["transaction", "receipt", "audit", "log"])
        #expect((object?["log"] as? [String]) == ["hello from lua"])
        #expect(((object?["transaction"] as? [String: Any])?["status"] as? String) == "ok")
        let text = try StxRunProcess.run([script, "--now", Self.now])
        #expect(!text.stdout.contains("hello from lua"))
        #expect(text.stderr.contains("hello from lua"))
    }

    @Test("--transaction - reads the transaction from standard input")
    func transactionFromStdin() throws {
        let script = try StxRunProcess.temporaryFile("function on_basket(tx) log(tx.merchantRef) end")
        let transaction = try String(contentsOf: StxRunProcess.packageRoot.appendingPathComponent("Examples/bakery-group-discount/transaction.json"), encoding: .utf8)
        let output = try StxRunProcess.run([script, "--transaction", "-", "--now", Self.now, "--format", "json"], input: transaction)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("POS-1-000123"))
    }

    @Test("exit codes", arguments: [
        ("function on_basket(tx) end", [String](), Int32(0)),
        ("function on_basket(tx) end", ["--format", "xml"], 2),
        ("function on_basket(tx) end", ["--now", "yesterday"], 2),
        ("function on_basket(tx) end", ["--transaction", "/nonexistent.json"], 2),
        ("function on_basket(tx) end", ["--max-instructions", "0"], 2),
        ("function on_basket(tx)\n  local x = nil + 1\nend", [], 3),
        ("function on_basket(tx) x = = 1 end", [], 3),
        ("function on_basket(tx) while true do end end", ["--max-instructions", "100000"], 4),
        ("function on_basket(tx) local t = {} for i = 1, 1e9 do t[i] = i end end", ["--max-memory", "1000000"], 4),
        ("function on_basket(tx) while true do end end", ["--max-instructions", "100000000000", "--timeout", "0.2"], 4),
        ("function on_basket(tx) tx:reject('nope') end", [], 5),
        ("function on_receipt(tx, r) r:remove(1) end", [], 3),
    ])
    func exitCodes(source: String, arguments: [String], expected: Int32) throws {
        let script = try StxRunProcess.temporaryFile(source)
        let output = try StxRunProcess.run([script, "--now", Self.now] + arguments)
        #expect(output.status == expected, "stderr: \(output.stderr)")
        if expected != 0 {
            #expect(!output.stderr.isEmpty)
        }
    }

    @Test("a script error on stderr starts with one clear sentence and names the file and line")
    func scriptErrorMessage() throws {
        let script = try StxRunProcess.temporaryFile("function on_basket(tx)\n  tx.basket.products[1].priceOne = 1.5\nend", name: "rules.lua")
        let output = try StxRunProcess.run([script, "--now", Self.now])
        #expect(output.status == 3)
        let first = output.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("The script failed in on_basket: rules.lua:2: priceOne of product 1"), "\(first)")
    }

    @Test("a failing on_receipt still prints the API's receipt, with the error, exit 3")
    func receiptNeverLost() throws {
        let script = try StxRunProcess.temporaryFile("function on_receipt(tx, receipt) error('printer logic broke') end")
        let output = try StxRunProcess.run([script, "--now", Self.now, "--format", "json"])
        #expect(output.status == 3)
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        let receipt = object?["receipt"] as? [Any]
        #expect(receipt?.isEmpty == false)
        #expect(output.stderr.contains("printer logic broke"))
    }

    @Test("the payment refused by the emulator exits 6")
    func paymentRefused() throws {
        // a transaction whose currency is missing is refused by the API (and the emulator)
        let script = try StxRunProcess.temporaryFile("function on_basket(tx) end")
        let transaction = try StxRunProcess.temporaryFile(#"""
            { "object": "smart.transactions", "basket": { "products": [ { "id": 1, "desc": "x", "quantity": 1, "priceOne": 100, "tax": 7, "item_type": "article" } ] }, "basket_info": { "sum": 100 } }
            """#, name: "tx.json")
        let output = try StxRunProcess.run([script, "--transaction", transaction, "--now", Self.now])
        #expect(output.status == 6, "\(output.stderr)")
    }
}
