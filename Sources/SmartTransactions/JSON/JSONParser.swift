/// An iterative JSON parser (RFC 8259) over UTF-8 bytes.
///
/// It never recurses, so deep input cannot overflow the stack: nesting beyond `maxDepth`
/// is an error with the path where it happened. Integers that fit in `Int` stay exact.
struct JSONParser {
    /// One open array or object.
    private struct Frame {
        var isObject: Bool
        /// Where its elements (an object's member values) begin in `values`.
        var valuesStart: Int
        /// Where an object's member keys begin in `keys`.
        var keysStart: Int
        var key = ""
    }

    private let bytes: [UInt8]
    private let maxDepth: Int
    private var offset = 0
    private var stack: [Frame] = []
    /// The elements and member values of every open container, innermost last: one buffer that
    /// grows once, and each container is copied out at its exact size when it closes.
    private var values: [JSONValue] = []
    /// The member keys of every open object, innermost last.
    private var keys: [String] = []

    init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// Parses the whole input as one JSON value.
    mutating func parse() throws(JSONDecodingError) -> JSONValue {
        skipWhitespace()
        guard offset < bytes.count else {
            throw JSONDecodingError(path: JSONPath.root, message: "empty input: expected a JSON value such as an object {…}")
        }
        while true {
            guard var value = try parseValueOrOpen() else { continue }
            while true {
                guard !stack.isEmpty else { return try finish(value) }
                guard let closed = try attach(value) else { break }
                value = closed
            }
        }
    }

    // MARK: - Values

    /// Parses a scalar or an empty container and returns it, or opens a container (pushing a
    /// frame positioned at its first element) and returns `nil`.
    private mutating func parseValueOrOpen() throws(JSONDecodingError) -> JSONValue? {
        skipWhitespace()
        guard let byte = peek() else { throw error("unexpected end of input: expected a value") }
        switch byte {
        case UInt8(ascii: "{"):
            offset += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "}") { offset += 1; return .object(JSONObject()) }
            try push(Frame(isObject: true, valuesStart: values.count, keysStart: keys.count))
            stack[stack.count - 1].key = try parseKey()
            return nil
        case UInt8(ascii: "["):
            offset += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "]") { offset += 1; return .array([]) }
            try push(Frame(isObject: false, valuesStart: values.count, keysStart: keys.count))
            return nil
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            throw error("unexpected \(describe(byte)): expected a value")
        }
    }

    private mutating func push(_ frame: Frame) throws(JSONDecodingError) {
        guard stack.count < maxDepth else {
            throw error("nesting deeper than \(maxDepth) levels: flatten the document")
        }
        stack.append(frame)
    }

    /// Adds `value` to the innermost open container. Returns the container when this closed it,
    /// or `nil` when another element follows.
    private mutating func attach(_ value: JSONValue) throws(JSONDecodingError) -> JSONValue? {
        let top = stack.count - 1
        skipWhitespace()
        let next = peek()
        values.append(value)
        if stack[top].isObject {
            keys.append(stack[top].key)
            if next == UInt8(ascii: ",") {
                offset += 1
                stack[top].key = try parseKey()
                return nil
            }
            guard next == UInt8(ascii: "}") else { throw error("\(describeNext()): expected ',' or '}' in an object") }
            offset += 1
            let frame = stack.removeLast()
            let object = JSONObject(keys: Array(keys[frame.keysStart...]), values: takeValues(from: frame.valuesStart))
            keys.removeSubrange(frame.keysStart...)
            return .object(object)
        }
        if next == UInt8(ascii: ",") { offset += 1; return nil }
        guard next == UInt8(ascii: "]") else { throw error("\(describeNext()): expected ',' or ']' in an array") }
        offset += 1
        return .array(takeValues(from: stack.removeLast().valuesStart))
    }

    /// The values of a closing container, removed from `values`.
    private mutating func takeValues(from start: Int) -> [JSONValue] {
        let taken = Array(values[start...])
        values.removeSubrange(start...)
        return taken
    }

    private mutating func finish(_ value: JSONValue) throws(JSONDecodingError) -> JSONValue {
        skipWhitespace()
        guard offset == bytes.count else { throw error("\(describeNext()) after the end of the JSON value") }
        return value
    }

    /// Parses `"key" :` inside an object.
    private mutating func parseKey() throws(JSONDecodingError) -> String {
        skipWhitespace()
        guard peek() == UInt8(ascii: "\"") else { throw error("\(describeNext()): expected a quoted member name") }
        let key = try parseString()
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else { throw error("\(describeNext()): expected ':' after member name \"\(key)\"") }
        offset += 1
        return key
    }

    // MARK: - Scalars

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONDecodingError) {
        let text = literal.utf8Start
        for index in 0..<literal.utf8CodeUnitCount {
            guard offset + index < bytes.count, bytes[offset + index] == text[index] else {
                throw error("invalid literal: expected \(literal)")
            }
        }
        offset += literal.utf8CodeUnitCount
    }

    private mutating func parseNumber() throws(JSONDecodingError) -> JSONValue {
        let start = offset
        if peek() == UInt8(ascii: "-") { offset += 1 }
        if peek() == UInt8(ascii: "0") {
            offset += 1
        } else {
            guard skipDigits() > 0 else { throw error("invalid number: expected a digit") }
        }
        var isInteger = true
        if peek() == UInt8(ascii: ".") {
            offset += 1
            isInteger = false
            guard skipDigits() > 0 else { throw error("invalid number: expected a digit after '.'") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            offset += 1
            isInteger = false
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { offset += 1 }
            guard skipDigits() > 0 else { throw error("invalid number: expected a digit in the exponent") }
        }
        if isInteger, let int = smallInteger(from: start) { return .int(int) }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        if isInteger, let int = Int(text) { return .int(int) }
        guard let double = Double(text), double.isFinite else {
            throw error("number \(text) is out of range")
        }
        return .double(double)
    }

    /// The integer in `bytes[start..<offset]` when it has at most 18 digits (so it cannot
    /// overflow), computed without making a string; `nil` for longer numbers.
    private func smallInteger(from start: Int) -> Int? {
        let negative = bytes[start] == UInt8(ascii: "-")
        let first = negative ? start + 1 : start
        guard offset - first <= 18 else { return nil }
        var value = 0
        for index in first..<offset { value = value * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
        return negative ? -value : value
    }

    private mutating func skipDigits() -> Int {
        let start = offset
        while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { offset += 1 }
        return offset - start
    }

    /// Parses a string starting at its opening quote.
    private mutating func parseString() throws(JSONDecodingError) -> String {
        offset += 1
        if let plain = parsePlainString() { return plain }
        var utf8: [UInt8] = []
        while true {
            guard let byte = peek() else { throw error("unterminated string: expected a closing '\"'") }
            offset += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try decodeUTF8(utf8)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &utf8)
            case 0..<0x20:
                offset -= 1
                throw error("control character \(describe(byte)) in a string: escape it")
            default:
                utf8.append(byte)
            }
        }
    }

    /// The common case: a string without escapes, read straight from the input bytes. Returns
    /// `nil` (and reads nothing) when it has an escape or a control character, which the slow
    /// path then reports or decodes.
    private mutating func parsePlainString() -> String? {
        var end = offset
        var ascii = true
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                guard let string = bytes.withUnsafeBufferPointer({ buffer in
                    let utf8 = UnsafeBufferPointer(rebasing: buffer[offset..<end])
                    return ascii ? String(decoding: utf8, as: UTF8.self) : String(validating: utf8, as: UTF8.self)
                }) else {
                    return nil
                }
                offset = end + 1
                return string
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            ascii = ascii && byte < 0x80
            end += 1
        }
        return nil
    }

    private mutating func parseEscape(into utf8: inout [UInt8]) throws(JSONDecodingError) {
        guard let byte = peek() else { throw error("unterminated escape sequence") }
        offset += 1
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F,
            UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A,
            UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        if let replacement = simple[byte] {
            utf8.append(replacement)
            return
        }
        guard byte == UInt8(ascii: "u") else { throw error("invalid escape '\\\(describe(byte))'") }
        let scalar = try parseUnicodeEscape()
        utf8.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    /// Parses the hex digits after `\u`, combining a surrogate pair into one scalar.
    private mutating func parseUnicodeEscape() throws(JSONDecodingError) -> Unicode.Scalar {
        let first = try parseHex4()
        if (0xDC00...0xDFFF).contains(first) { throw error("unpaired low surrogate \\u\(hex(first))") }
        guard (0xD800...0xDBFF).contains(first) else {
            guard let scalar = Unicode.Scalar(first) else { throw error("invalid unicode escape") }
            return scalar
        }
        guard peek() == UInt8(ascii: "\\"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u") else {
            throw error("unpaired high surrogate \\u\(hex(first))")
        }
        offset += 2
        let second = try parseHex4()
        guard (0xDC00...0xDFFF).contains(second),
              let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) else {
            throw error("invalid surrogate pair \\u\(hex(first))\\u\(hex(second))")
        }
        return scalar
    }

    private mutating func parseHex4() throws(JSONDecodingError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = hexDigit(byte) else { throw error("invalid \\u escape: expected 4 hex digits") }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    private func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private func decodeUTF8(_ utf8: [UInt8]) throws(JSONDecodingError) -> String {
        var scalars = String.UnicodeScalarView()
        let failed = transcode(utf8.makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: true) { unit in
            if let scalar = Unicode.Scalar(unit) { scalars.append(scalar) }
        }
        if failed { throw error("invalid UTF-8 in a string") }
        return String(scalars)
    }

    // MARK: - Helpers

    private func peek() -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
    }

    private func hex(_ value: UInt32) -> String {
        String(value, radix: 16, uppercase: true)
    }

    private func describe(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private func describeNext() -> String {
        peek().map { "unexpected \(describe($0))" } ?? "unexpected end of input"
    }

    /// An error at the current position, located by the path of the open containers.
    private func error(_ message: String) -> JSONDecodingError {
        var path = JSONPath.root
        for (index, frame) in stack.enumerated() {
            let end = index + 1 < stack.count ? stack[index + 1].valuesStart : values.count
            path = frame.isObject ? JSONPath.member(path, frame.key) : JSONPath.element(path, end - frame.valuesStart)
        }
        return JSONDecodingError(path: path, message: "\(message) (at byte \(offset))")
    }
}
