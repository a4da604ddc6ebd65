import Foundation

/// Describes a body that is not the JSON we expected, for an error message.
enum ResponseText {
    /// `an empty body`, or `a body that is not the expected JSON: "…"` with at most 120 characters,
    /// control characters removed and every given secret replaced by `<redacted>` (a proxy that
    /// echoes the request must not leak it into an error message).
    static func describe(_ body: Data, hiding secrets: [Secret]) -> String {
        guard !body.isEmpty else { return "an empty body" }
        var text = String(decoding: body, as: UTF8.self)
        for secret in secrets where !secret.isEmpty {
            text = text.replacingOccurrences(of: secret.reveal(), with: "<redacted>")
        }
        let printable = String(text.unicodeScalars.prefix(120).map { $0.value < 32 ? " " : Character($0) })
        let excerpt = printable.trimmingCharacters(in: .whitespaces)
        return "a body that is not the expected JSON: \"\(excerpt)\(text.unicodeScalars.count > 120 ? "…" : "")\""
    }
}
