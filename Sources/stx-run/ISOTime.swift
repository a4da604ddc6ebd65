import Foundation

/// Checkout times: ISO 8601 with an offset, as secuconnect writes them.
enum ISOTime {
    /// Whether `text` looks like `2026-11-25T17:30:00+01:00` (seconds and fraction optional, `Z` allowed).
    static func isValid(_ text: String) -> Bool {
        text.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})/) != nil
    }

    /// The current time in UTC, e.g. `2026-11-25T16:30:00Z`.
    static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}
