/// Builds the path strings of ``JSONDecodingError``.
enum JSONPath {
    /// The whole document.
    static let root = "$"

    /// The path of member `key` under `path`: `$.key`, or `$["odd key"]` for keys that are not
    /// plain identifiers.
    static func member(_ path: String, _ key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
        }
        if plain { return "\(path).\(key)" }
        let escaped = key.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"")
        return "\(path)[\"\(escaped)\"]"
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
