/// A calendar date with no time zone (YYYY-MM-DD), stored as days since 1970-01-01.
///
/// Reminders and transactions are about calendar days in the user's zone, not
/// 24-hour periods, so they use this type; instants use `Timestamp` (UTC).
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (proleptic Gregorian).
    public var days: Int32

    public init(days: Int32) { self.days = days }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year),
              (1...9999).contains(year) else { return nil }
        self.days = Int32(LocalDate.daysFromCivil(year, month, day))
    }

    /// Parses `YYYY-MM-DD` (also `YYYY/MM/DD` and `YYYY.M.D`, which Chinese spreadsheets write).
    public init?(_ text: some StringProtocol) {
        // `YYYY-MM-DD`, the journal's form, without splitting into substrings.
        let fast: LocalDate?? = text.utf8.withContiguousStorageIfAvailable { b -> LocalDate? in
            guard b.count == 10, b[4] == 45, b[7] == 45 else { return nil }
            var v = [0, 0, 0]
            for (k, r) in [(0, 0..<4), (1, 5..<7), (2, 8..<10)] {
                for j in r { guard b[j] >= 48, b[j] <= 57 else { return nil }; v[k] = v[k] * 10 + Int(b[j] - 48) }
            }
            return LocalDate(year: v[0], month: v[1], day: v[2])
        }
        if let fast, let d = fast { self = d; return }
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.count == 3, parts[0].count == 4,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var components: (year: Int, month: Int, day: Int) { LocalDate.civilFromDays(Int(days)) }
    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    public var description: String {
        let c = components
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    public func adding(days n: Int) -> LocalDate { LocalDate(days: days + Int32(n)) }
    public func days(until other: LocalDate) -> Int { Int(other.days - days) }

    /// Adds calendar months, clamping the day (Jan 31 + 1 month = Feb 28/29).
    public func adding(months n: Int) -> LocalDate {
        let c = components
        let total = c.year * 12 + (c.month - 1) + n
        let y = total / 12, m = total % 12 + 1
        return LocalDate(year: y, month: m, day: min(c.day, LocalDate.daysIn(month: m, year: y)))!
    }

    /// First day of this date's month.
    public var startOfMonth: LocalDate { let c = components; return LocalDate(year: c.year, month: c.month, day: 1)! }

    /// Monday = 1 … Sunday = 7 (ISO 8601).
    public var weekday: Int { let w = (Int(days) + 3) % 7; return (w < 0 ? w + 7 : w) + 1 }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.days < b.days }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (m <= 2 ? y + 1 : y, m, d)
    }
}

@inline(__always) func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
