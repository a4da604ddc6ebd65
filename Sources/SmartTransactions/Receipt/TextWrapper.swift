/// Wraps text at word boundaries for the receipt renderer.
enum TextWrapper {
    /// Splits `text` into lines of at most `width` characters.
    ///
    /// Line breaks in the text are kept; words are separated by spaces (runs of spaces count
    /// as one); a word longer than `width` is broken into pieces of `width` characters.
    /// - Returns: At least one line (an empty text gives `[""]`).
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(width, 1)
        return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
            wrapParagraph(paragraph, width: width)
        }
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in paragraph.split(separator: " ") {
            var word = word
            if !current.isEmpty && current.count + 1 + word.count <= width {
                current += " " + word
                continue
            }
            if !current.isEmpty { lines.append(current) }
            while word.count > width {
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            current = String(word)
        }
        lines.append(current)
        return lines
    }
}
