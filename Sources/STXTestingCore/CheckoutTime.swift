import Foundation

/// Checkout times (`tx.now`) for rule tests: ISO 8601 with an offset, as secuconnect writes them.
///
/// ```swift
/// let evening = try CheckoutTime.at("17:30")                 // 2026-11-25T17:30:00+01:00
/// let summer = try CheckoutTime.at("2026-07-01 09:00", utcOffset: "+02:00")
/// let justBefore = try CheckoutTime.adding(minutes: -1, to: evening)   // …T17:29:00+01:00
/// ```
public enum CheckoutTime {
    /// The date ``at(_:utcOffset:)`` uses when only a time is given.
    public static let defaultDate = "2026-11-25"
    /// The offset of Central European (winter) time.
    public static let defaultOffset = "+01:00"
    /// The time rule runs use when none is given: noon on ``defaultDate``.
    public static let `default` = "2026-11-25T12:00:00+01:00"

    /// A local time as ISO 8601.
    /// - Parameters:
    ///   - local: `HH:MM`, `HH:MM:SS`, `YYYY-MM-DD HH:MM` or `YYYY-MM-DD HH:MM:SS` (a `T` may
    ///     stand for the space); without a date, ``defaultDate``.
    ///   - utcOffset: The offset, `+01:00`, `-05:00` or `Z`.
    /// - Returns: e.g. `2026-11-25T17:30:00+01:00`.
    /// - Throws: ``TestInputError`` for a time that does not exist (`25:00`, `2026-02-30 …`).
    public static func at(_ local: String, utcOffset: String = defaultOffset) throws(TestInputError) -> String {
        let text = local.contains("-") ? local : "\(defaultDate) \(local)"
        let normalized = text.replacingOccurrences(of: " ", with: "T") + (utcOffset == "Z" ? "Z" : utcOffset)
        return try Parts(parsing: normalized).text
    }

    /// `time` moved by `minutes` (negative: earlier), keeping its offset.
    /// - Parameters:
    ///   - minutes: Minutes to add.
    ///   - time: An ISO 8601 time with an offset.
    /// - Returns: The moved time, same format.
    /// - Throws: ``TestInputError`` when `time` is not such a time.
    public static func adding(minutes: Int, to time: String) throws(TestInputError) -> String {
        var parts = try Parts(parsing: time)
        let (total, overflow) = parts.minutesSinceEpoch.addingReportingOverflow(minutes)
        let days = total.floorDivided(by: 1440)
        let minuteOfDay = total - days * 1440
        let date = civil(fromDays: days)
        guard !overflow, (0...9999).contains(date.0) else {
            throw TestInputError("\(time) plus \(minutes) minutes is outside the years 0 to 9999")
        }
        (parts.year, parts.month, parts.day) = date
        (parts.hour, parts.minute) = (minuteOfDay / 60, minuteOfDay % 60)
        return parts.text
    }

    /// The fields of `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)`.
    private struct Parts {
        var year, month, day, hour, minute, second: Int
        var offset: String

        init(parsing text: String) throws(TestInputError) {
            let pattern = /(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})/
            guard let match = text.wholeMatch(of: pattern),
                  let year = Int(match.1), let month = Int(match.2), let day = Int(match.3),
                  let hour = Int(match.4), let minute = Int(match.5)
            else {
                throw TestInputError("\(text) is not a checkout time: write it like 2026-11-25T17:30:00+01:00")
            }
            let second = match.6.flatMap { Int($0) } ?? 0
            guard (1...12).contains(month), (1...CheckoutTime.daysIn(month, of: year)).contains(day),
                  (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
            else {
                throw TestInputError("\(text) is not a valid date and time: check the month, day, hour and minute")
            }
            (self.year, self.month, self.day) = (year, month, day)
            (self.hour, self.minute, self.second) = (hour, minute, second)
            offset = String(match.7)
        }

        var minutesSinceEpoch: Int {
            CheckoutTime.days(fromCivil: year, month, day) * 1440 + hour * 60 + minute
        }

        var text: String {
            func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
            return "\(year)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))\(offset)"
        }
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    private static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDivided(by: 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Int {
    /// Division rounding toward negative infinity.
    fileprivate func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
