import Foundation
import SmartTransactions
import Testing

/// Invalid input gives an error naming the JSON path, never a crash.
@Suite("Invalid input")
struct DecodingErrorTests {
    /// The coupons fixture with the first product's `key` replaced by raw JSON `value`.
    private func transactionText(priceOne: String) throws -> String {
        let text = String(decoding: try Fixture.data("coupons"), as: UTF8.self)
        return text.replacingOccurrences(of: "\"priceOne\": 45,", with: "\"priceOne\": \(priceOne),")
    }

    private func error(decoding text: String) -> JSONDecodingError? {
        do {
            _ = try SmartTransaction(jsonData: Data(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test("a wrong type, fractional cents or an overflow names the product's field", arguments: [
        ("\"abc\"", "expected a whole number, got a string"),
        ("15.5", "fractional"),
        ("1e30", "overflows"),
        ("9223372036854775808", "overflows"),
        ("-9223372036854775809", "overflows"),
        ("1e17", "too large to be exact"),
        ("true", "got a Boolean"),
        ("null", "missing required value"),
    ])
    func badPriceOne(value: String, expected: String) throws {
        let error = try #require(self.error(decoding: try transactionText(priceOne: value)))
        #expect(error.path == "$.basket.products[0].priceOne")
        #expect(error.message.contains(expected), "\(error)")
    }

    @Test func anIntegralDoubleIsAcceptedAsCents() throws {
        let tx = try SmartTransaction(jsonData: Data(try transactionText(priceOne: "45.0").utf8))
        #expect(tx.basket?.products.first?.priceOne == 45)
    }

    @Test("errors deep in the document name the whole path", arguments: [
        (#"{"basket": {"products": [{"quantity": "zwei", "priceOne": 1, "tax": 7}]}}"#, "$.basket.products[0].quantity"),
        (#"{"basket": {"products": [{"quantity": 1, "priceOne": 1}]}}"#, "$.basket.products[0].tax"),
        (#"{"basket": {"products": [{"quantity": 1, "priceOne": 1, "tax": 7, "group": [{"level": "x"}]}]}}"#,
         "$.basket.products[0].group[0].level"),
        (#"{"basket": {"products": [{"quantity": 1, "priceOne": 1, "tax": 7, "sub_basket": [{"quantity": 1, "priceOne": 0.5, "tax": 7}]}]}}"#,
         "$.basket.products[0].sub_basket[0].priceOne"),
        (#"{"basket": {"products": {}}}"#, "$.basket.products"),
        (#"{"basket_info": {"sum": 1, "currency": 978}}"#, "$.basket_info.currency"),
        (#"{"idents": [{"merchantcard": {"balance": "viel"}}]}"#, "$.idents[0].merchantcard.balance"),
        (#"{"receipt": [{"type": "textline", "value": {"text": 5.5}}]}"#, "$.receipt[0].value.text"),
        (#"{"receipt": [{"type": "name-value", "value": {"name": "x"}}]}"#, "$.receipt[0].value.value"),
        (#"{"receipt": [{"value": {}}]}"#, "$.receipt[0].type"),
        (#"{"receipt": [{"type": "textline", "value": {"text": "a", "decoration": [1]}}]}"#, "$.receipt[0].value.decoration[0]"),
        (#"{"status": 1}"#, "$.status"),
        (#"{"is_demo": "yes"}"#, "$.is_demo"),
        (#"{"receipt_number": "12a"}"#, "$.receipt_number"),
        (#"{"receipt_number": "99999999999999999999"}"#, "$.receipt_number"),
        (#"{"merchant": 5}"#, "$.merchant"),
        (#"[]"#, "$"),
        (#"{"basket": {"products": [1, 2,]}}"#, "$.basket.products[2]"),
        (#"{"a": tru}"#, "$.a"),
        ("{\"a\": \"\u{01}\"}", "$.a"),
    ])
    func pathOfTheFirstProblem(text: String, path: String) throws {
        let error = try #require(self.error(decoding: text))
        #expect(error.path == path, "\(error)")
    }

    @Test("an empty or blank body is an error at $", arguments: ["", "  \n\t"])
    func emptyBody(text: String) throws {
        let error = try #require(self.error(decoding: text))
        #expect(error.path == "$")
        #expect(error.message.contains("empty input"))
    }

    @Test("nesting 100,000 levels deep is an error, not a stack overflow", arguments: [
        String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
        String(repeating: #"{"a":"#, count: 100_000) + "1" + String(repeating: "}", count: 100_000),
        #"{"basket": {"x_deep": "# + String(repeating: "[", count: 100_000),
    ])
    func deepNesting(text: String) throws {
        let error = try #require(self.error(decoding: text))
        #expect(error.message.contains("nesting deeper than \(JSON.defaultMaxDepth) levels"), "\(error.message)")
        #expect(error.path.hasPrefix("$"))
    }

    @Test func invalidUTF8IsAnError() throws {
        let bytes: [UInt8] = Array(#"{"a": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(throws: JSONDecodingError.self) { try JSON.parse(Data(bytes)) }
    }
}
