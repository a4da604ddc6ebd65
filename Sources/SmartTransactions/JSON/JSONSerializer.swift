/// Writes a ``JSONValue`` as UTF-8 JSON text, object members in their stored order.
struct JSONSerializer {
    private let pretty: Bool
    private(set) var output: [UInt8] = []

    init(pretty: Bool) {
        self.pretty = pretty
    }

    mutating func write(_ value: JSONValue, indent: Int = 0) {
        switch value {
        case .null: append("null")
        case .bool(let bool): append(bool ? "true" : "false")
        case .int(let int): writeInt(int)
        case .double(let double): append(double.isFinite ? "\(double)" : "null")
        case .string(let string): writeString(string)
        case .array(let elements): writeArray(elements, indent: indent)
        case .object(let object): writeObject(object, indent: indent)
        }
    }

    private mutating func writeArray(_ elements: [JSONValue], indent: Int) {
        guard !elements.isEmpty else { return append("[]") }
        output.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            newline(indent + 1)
            write(element, indent: indent + 1)
        }
        newline(indent)
        output.append(UInt8(ascii: "]"))
    }

    private mutating func writeObject(_ object: JSONObject, indent: Int) {
        guard !object.isEmpty else { return append("{}") }
        output.append(UInt8(ascii: "{"))
        var first = true
        for (key, value) in object {
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            newline(indent + 1)
            writeString(key)
            output.append(UInt8(ascii: ":"))
            if pretty { output.append(UInt8(ascii: " ")) }
            write(value, indent: indent + 1)
        }
        newline(indent)
        output.append(UInt8(ascii: "}"))
    }

    private mutating func newline(_ indent: Int) {
        guard pretty else { return }
        output.append(0x0A)
        output.append(contentsOf: repeatElement(0x20, count: indent * 2))
    }

    /// Writes the decimal digits of `int` without making a string.
    private mutating func writeInt(_ int: Int) {
        if int < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = int.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    private mutating func writeString(_ string: String) {
        output.append(UInt8(ascii: "\""))
        var string = string
        let plain = string.withUTF8 { utf8 in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                return false
            }
            output.append(contentsOf: utf8)
            return true
        }
        if plain {
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private mutating func append(_ text: String) {
        output.append(contentsOf: text.utf8)
    }
}
