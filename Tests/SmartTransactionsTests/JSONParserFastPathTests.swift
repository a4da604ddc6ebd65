import Foundation
import SmartTransactions
import Testing

/// The parser's fast paths (plain strings read in place, short integers without a string,
/// objects built at their closing brace) give the same values as the general ones.
@Suite struct JSONParserFastPathTests {
    @Test func aRepeatedKeyKeepsItsFirstPositionAndItsLastValue() throws {
        let value = try JSON.parse(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect(value.objectValue?.keys == ["a", "b"])
        #expect(value["a"] == .int(3))
        #expect(JSON.string(value) == #"{"a":3,"b":2}"#)
    }

    @Test func stringsWithAndWithoutEscapesOrNonASCII() throws {
        let value = try JSON.parse(#"["plain", "Brötchen", "a\"b", "\u00e9", ""]"#)
        #expect(value == .array(["plain", "Brötchen", "a\"b", "é", ""]))
    }

    @Test func invalidUTF8IsStillAnError() {
        let bytes: [UInt8] = Array(#"{"desc": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(throws: JSONDecodingError.self) { try JSON.parse(Data(bytes)) }
    }

    @Test func integersAtTheEdgeOfTheFastPath() throws {
        let value = try JSON.parse("[999999999999999999, -999999999999999999, 9223372036854775807, -9223372036854775808, -0, 0]")
        #expect(value == .array([.int(999_999_999_999_999_999), .int(-999_999_999_999_999_999), .int(Int.max), .int(Int.min), .int(0), .int(0)]))
    }

    @Test func aSyntaxErrorNamesThePathThroughOpenContainers() {
        #expect {
            try JSON.parse(#"[1, 2, {"a": [true, x]}]"#)
        } throws: { error in
            (error as? JSONDecodingError)?.path == "$[2].a[1]"
        }
    }
}
