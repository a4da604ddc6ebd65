import Foundation

/// Checkout times: ISO 8601 with an offset, as secuconnect writes them.
enum ISOTime {
    /// Whether `text` looks like `2026-11-25T17:30:00+01:00` (seconds and fraction optional, `Z` allowed).
    static func isValid(_ text: String) -> Bool {
        let pattern = /(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))/
        guard let match = text.wholeMatch(of: pattern),
              let month = Int(match.output.2), let day = Int(match.output.3),
              let hour = Int(match.output.4), let minute = Int(match.output.5)
        else { return false }
        let second = match.output.6.flatMap { Int($0) } ?? 0
        let offsetHours = match.output.7.flatMap { Int($0) } ?? 0
        let offsetMinutes = match.output.8.flatMap { Int($0) } ?? 0
        return (1...12).contains(month) && (1...31).contains(day) && hour < 24 && minute < 60 && second <= 60
            && offsetHours <= 14 && offsetMinutes < 60
    }

    /// The current time in UTC, e.g. `2026-11-25T16:30:00Z`.
    static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}
