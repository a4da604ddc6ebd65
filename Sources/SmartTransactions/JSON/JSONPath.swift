/// Builds the path strings of ``JSONDecodingError``.
enum JSONPath {
    /// The whole document.
    static let root = "$"

    /// The path of member `key` under `path`: `$.key`, or `$["odd key"]` for keys that are not
    /// plain identifiers.
    static func member(_ path: String, _ key: String) -> String {
        if isPlain(key) { return path + "." + key }
        let escaped = key.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"")
        return "\(path)[\"\(escaped)\"]"
    }

    /// Whether `key` is non-empty and only ASCII letters, digits, `_` and `-` (checked on the
    /// UTF-8 bytes: validation builds a path for every member it reads).
    private static func isPlain(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a") ... UInt8(ascii: "z"), UInt8(ascii: "A") ... UInt8(ascii: "Z"),
                 UInt8(ascii: "0") ... UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"): true
            default: false
            }
        }
    }

    /// The path of element `index` under `path`: `$.list[3]`.
    static func element(_ path: String, _ index: Int) -> String {
        "\(path)[\(index)]"
    }
}

extension String {
    /// This string with every `target` replaced by `replacement` (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
