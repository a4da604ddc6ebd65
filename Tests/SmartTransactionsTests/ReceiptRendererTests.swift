import Foundation
import SmartTransactions
import Testing

@Suite("Receipt rendering")
struct ReceiptRendererTests {
    /// Golden files: `Fixtures/receipts/<name>.txt`. Run once with `STX_RECORD_GOLDENS=1` to
    /// (re)write them from the current renderer, then review the diff and commit.
    private func matchesGolden(_ rendered: String, _ name: String, filePath: String = #filePath) throws {
        if ProcessInfo.processInfo.environment["STX_RECORD_GOLDENS"] == "1" {
            let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/receipts/\(name).txt")
            try Data((rendered + "\n").utf8).write(to: url)
            return
        }
        let golden = String(decoding: try Fixture.data("receipts/\(name)", ext: "txt"), as: UTF8.self)
        #expect(rendered + "\n" == golden, "receipt \(name) differs from its golden file")
    }

    @Test("golden receipts", arguments: [
        ("start-cash-response", 42, ReceiptRenderer.Style.plain, "start-cash-42-plain"),
        ("start-cash-response", 42, .ansi, "start-cash-42-ansi"),
        ("start-cash-response", 32, .plain, "start-cash-32-plain"),
        ("receipt-merchant", 42, .plain, "receipt-merchant-42-plain"),
        ("receipt-merchant", 24, .plain, "receipt-merchant-24-plain"),
    ])
    func golden(fixture: String, width: Int, style: ReceiptRenderer.Style, golden: String) throws {
        let lines = try #require(try Fixture.transaction(fixture).receipt)
        try matchesGolden(ReceiptRenderer(width: width, style: style).render(lines), golden)
    }

    @Test func theFixtureAt42ColumnsLooksLikeAReceipt() throws {
        let lines = try #require(try Fixture.transaction("start-cash-response").receipt)
        let rows = ReceiptRenderer().render(lines).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.count == 19)
        #expect(rows[0] == "-------------- Kundenkarte ---------------")
        #expect(rows[1] == "Kartennummer:             9276004429942845")
        #expect(rows[5] == "*15,00 EUR*")
        #expect(rows.allSatisfy { $0.count <= 42 })
    }

    @Test func importantIsBoldOnATerminal() {
        let text = ReceiptRenderer(style: .ansi).render([.textline(text: "15,00 EUR", decorations: [.important, .alignRight])])
        #expect(text == String(repeating: " ", count: 33) + "\u{1B}[1m15,00 EUR\u{1B}[0m")
    }

    @Test func alignment() {
        let renderer = ReceiptRenderer(width: 10)
        #expect(renderer.render([.textline(text: "abcd", decorations: [.alignCenter])]) == "   abcd")
        #expect(renderer.render([.textline(text: "abcd", decorations: [.alignRight])]) == "      abcd")
        #expect(renderer.render([.textline(text: "abcd", decorations: [.alignLeft, .alignRight])]) == "abcd")
        #expect(renderer.render([.textline(text: "ab", decorations: [.important, .alignRight])]) == "      *ab*")
    }

    @Test func longTextWrapsAtWordsAndLongWordsBreak() {
        let renderer = ReceiptRenderer(width: 10)
        #expect(renderer.render([.textline(text: "Vielen Dank für Ihren Einkauf", decorations: [])])
            == "Vielen\nDank für\nIhren\nEinkauf")
        #expect(renderer.render([.textline(text: "Donaudampfschifffahrt ok", decorations: [])])
            == "Donaudampf\nschifffahr\nt ok")
        #expect(renderer.render([.textline(text: "a\nb", decorations: [])]) == "a\nb")
    }

    @Test func aNameValueThatDoesNotFitPutsTheValueBelow() {
        let renderer = ReceiptRenderer(width: 12)
        #expect(renderer.render([.nameValue(name: "Summe:", value: "5,00", decorations: [])]) == "Summe:  5,00")
        #expect(renderer.render([.nameValue(name: "Kartennr.:", value: "9276004429942845", decorations: [.important])])
            == "Kartennr.:\n*9276004429*\n    *942845*")
    }

    @Test func separatorsAndSpaces() {
        let renderer = ReceiptRenderer(width: 12)
        #expect(renderer.render([.separator(caption: nil), .space, .separator(caption: "Ab")]) == "------------\n\n---- Ab ----")
        #expect(renderer.render([.separator(caption: "Kundenkarte Aufladung")]) == "- Kundenka -\n--- rte ----\n- Aufladun -\n---- g -----")
        #expect(renderer.render([.unknown(["type": "qr-code"])]) == "")
    }
}
