import Foundation
import SmartTransactions
import Testing

@Suite("JSON parser and serializer")
struct JSONTests {
    @Test func integersStayExact() throws {
        #expect(try JSON.parse("9007199254740993") == .int(9_007_199_254_740_993))
        #expect(try JSON.parse("-9223372036854775808") == .int(Int.min))
        #expect(try JSON.parse("9223372036854775807") == .int(Int.max))
        #expect(try JSON.parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
        #expect(try JSON.parse("-0") == .int(0))
        #expect(try JSON.parse("1.0") == .double(1))
        #expect(try JSON.parse("2E3") == .double(2000))
    }

    @Test("malformed numbers and literals are errors", arguments: ["01", "-", "1.", ".5", "1e", "+1", "1e999", "nul", "True", "[1 2]", "{\"a\" 1}", "{1: 2}", "\"abc", "[1]x"])
    func malformed(text: String) {
        #expect(throws: JSONDecodingError.self) { try JSON.parse(text) }
    }

    @Test func stringsAndEscapes() throws {
        #expect(try JSON.parse(#""a\"b\\c\/d\n\t\r\b\f""#) == .string("a\"b\\c/d\n\t\r\u{8}\u{C}"))
        #expect(try JSON.parse(#""\u00fc\u20AC\ud83d\ude00""#) == .string("ü€😀"))
        #expect(try JSON.parse("\"Brötchen\"") == .string("Brötchen"))
        #expect(throws: JSONDecodingError.self) { try JSON.parse(#""\ud83d""#) }
        #expect(throws: JSONDecodingError.self) { try JSON.parse(#""\ude00""#) }
        #expect(throws: JSONDecodingError.self) { try JSON.parse(#""\x""#) }
    }

    @Test func serializingEscapesAndReparsingGivesTheSameString() throws {
        let text = "quote \" backslash \\ newline \n tab \t bell \u{7} ü 😀 </script>"
        let json = JSON.string(.string(text))
        #expect(json == #""quote \" backslash \\ newline \n tab \t bell \u0007 ü 😀 </script>""#)
        #expect(try JSON.parse(json) == .string(text))
    }

    @Test func objectsKeepKeyOrderAndCompareLikeJSON() throws {
        let value = try JSON.parse(#"{"b": 1, "a": null, "c": [true, 1.5, "x"]}"#)
        #expect(JSON.string(value) == #"{"b":1,"a":null,"c":[true,1.5,"x"]}"#)
        #expect(value == (try JSON.parse(#"{"a": null, "c": [true, 1.5, "x"], "b": 1}"#)))
        #expect(value != (try JSON.parse(#"{"b": 1, "c": [true, 1.5, "x"]}"#)))
    }

    @Test func aRepeatedKeyKeepsItsFirstPositionAndLastValue() throws {
        #expect(JSON.string(try JSON.parse(#"{"a": 1, "b": 2, "a": 3}"#)) == #"{"a":3,"b":2}"#)
    }

    @Test func prettyOutput() {
        let value: JSONValue = ["a": [1, [:], []], "b": ["c": nil]]
        #expect(JSON.string(value, pretty: true) == """
        {
          "a": [
            1,
            {},
            []
          ],
          "b": {
            "c": null
          }
        }
        """)
    }

    @Test func theDepthLimitIsConfigurable() throws {
        #expect(try JSON.parse("[[1]]", maxDepth: 2) == [[1]])
        #expect(throws: JSONDecodingError(path: "$[0][0]", message: "nesting deeper than 2 levels: flatten the document (at byte 3)")) {
            try JSON.parse("[[[1]]]", maxDepth: 2)
        }
    }

    @Test func removingAKeyFromAnObject() {
        var object: JSONObject = ["a": 1, "b": 2, "c": 3]
        object["b"] = nil
        object["d"] = 4
        object["a"] = 5
        #expect(Array(object.keys) == ["a", "c", "d"])
        #expect(object.map(\.value) == [5, 3, 4])
    }
}
