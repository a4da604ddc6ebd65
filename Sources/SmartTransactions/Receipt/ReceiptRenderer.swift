/// Renders receipt lines as text at a paper width, as a receipt printer would print them.
///
/// - `separator`: the caption centred in a rule of `-` (a plain rule without a caption).
/// - `textline`: wrapped at word boundaries (a word longer than the width is broken), left
///   aligned unless decorated `align-center` or `align-right`.
/// - `name-value`: the name on the left, the value on the right; when both do not fit on one
///   line, the name comes first and the value right-aligned below it.
/// - `space`: an empty line. Lines of an unknown type are not printed.
/// - `important`: bold on a terminal (``Style/ansi``); in ``Style/plain`` the text is marked
///   with asterisks, `*15,00 EUR*` (the marks count towards the width). On a `name-value`
///   line only the value is emphasised.
public struct ReceiptRenderer: Sendable {
    /// How `important` text is shown.
    public enum Style: Sendable, Equatable {
        /// Marked with asterisks: `*15,00 EUR*`.
        case plain
        /// Bold with ANSI escape sequences, for a terminal.
        case ansi
    }

    /// The smallest width rendered; narrower requests use this.
    public static let minimumWidth = 8

    /// Characters per line.
    public let width: Int
    /// How `important` text is shown.
    public let style: Style

    /// Creates a renderer.
    /// - Parameters:
    ///   - width: Characters per line (at least ``minimumWidth``); receipt printers have 42 or 32.
    ///   - style: How `important` text is shown.
    public init(width: Int = 42, style: Style = .plain) {
        self.width = max(width, Self.minimumWidth)
        self.style = style
    }

    /// Renders the lines.
    /// - Parameter lines: The receipt lines, e.g. a transaction's `receipt`.
    /// - Returns: The printed text, one output line per row, joined by `"\n"`.
    public func render(_ lines: [ReceiptLine]) -> String {
        lines.flatMap(rows).joined(separator: "\n")
    }

    // MARK: - Lines

    private func rows(_ line: ReceiptLine) -> [String] {
        switch line {
        case .separator(let caption):
            return separatorRows(caption ?? "")
        case .textline(let text, let decorations):
            return textRows(text, decorations: decorations)
        case .nameValue(let name, let value, let decorations):
            return nameValueRows(name: name, value: value, important: decorations.contains(.important))
        case .space:
            return [""]
        case .unknown:
            return []
        }
    }

    private func separatorRows(_ caption: String) -> [String] {
        guard !caption.isEmpty else { return [String(repeating: "-", count: width)] }
        return TextWrapper.wrap(caption, width: width - 4).map { piece in
            let label = " \(piece) "
            let left = (width - label.count) / 2
            return String(repeating: "-", count: left) + label + String(repeating: "-", count: width - left - label.count)
        }
    }

    private func textRows(_ text: String, decorations: [Decoration]) -> [String] {
        let important = decorations.contains(.important)
        let alignment = decorations.first { [.alignLeft, .alignCenter, .alignRight].contains($0) } ?? .alignLeft
        return TextWrapper.wrap(text, width: width - markWidth(important)).map { piece in
            let visible = piece.count + markWidth(important)
            let padding = width - visible
            let left = switch alignment {
            case .alignCenter: padding / 2
            case .alignRight: padding
            default: 0
            }
            return String(repeating: " ", count: left) + emphasised(piece, important)
        }
    }

    private func nameValueRows(name: String, value: String, important: Bool) -> [String] {
        let valueWidth = value.count + markWidth(important)
        if name.count + valueWidth + 1 <= width || (name.isEmpty && valueWidth <= width) {
            return [name + String(repeating: " ", count: width - name.count - valueWidth) + emphasised(value, important)]
        }
        let nameRows = name.isEmpty ? [] : TextWrapper.wrap(name, width: width)
        let valueRows = TextWrapper.wrap(value, width: width - markWidth(important)).map { piece in
            String(repeating: " ", count: width - piece.count - markWidth(important)) + emphasised(piece, important)
        }
        return nameRows + valueRows
    }

    // MARK: - Emphasis

    private func markWidth(_ important: Bool) -> Int {
        important && style == .plain ? 2 : 0
    }

    private func emphasised(_ text: String, _ important: Bool) -> String {
        guard important else { return text }
        switch style {
        case .plain: return "*\(text)*"
        case .ansi: return "\u{1B}[1m\(text)\u{1B}[0m"
        }
    }
}
