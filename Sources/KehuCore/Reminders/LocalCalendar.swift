import Foundation

/// Calendar dates as seen in one time zone: the store's (`[store] timezone`)
/// or the user's `TZ`.
///
/// Reminders fall due on calendar days, not after 24-hour periods: a call
/// logged at 23:30 in Shanghai is a contact on that day even though it is
/// 15:30 UTC, and "today" in New York starts at local midnight whether that is
/// 04:00 or 05:00 UTC. So every instant is turned into a `LocalDate` here,
/// once, with the zone's offset *at that instant* (which is what makes DST
/// changes come out right), and all further arithmetic is on whole days.
public struct LocalCalendar: Sendable, Equatable {
    public let timeZone: TimeZone

    public init(_ timeZone: TimeZone) { self.timeZone = timeZone }

    /// A calendar for a zone name such as `Asia/Shanghai`; nil if the name is unknown.
    public init?(identifier: String) {
        guard let tz = TimeZone(identifier: identifier) else { return nil }
        self.timeZone = tz
    }

    /// The zone Kehu uses: the configured name if any (error if unknown), else `TZ`
    /// from the environment passed in, else the system zone.
    /// - Throws: `ReminderError.unknownTimeZone` naming where the bad name came from.
    public static func resolve(configured: String?, environment: [String: String]) throws(ReminderError) -> LocalCalendar {
        if let name = configured, !name.isEmpty {
            guard let c = LocalCalendar(identifier: name) else { throw .unknownTimeZone(name: name, source: "config.toml: [store] timezone") }
            return c
        }
        if var name = environment["TZ"], !name.isEmpty {
            if name.hasPrefix(":") { name.removeFirst() }
            guard let c = LocalCalendar(identifier: name) else { throw .unknownTimeZone(name: name, source: "TZ") }
            return c
        }
        return LocalCalendar(TimeZone.current)
    }

    /// The local calendar date of an instant.
    public func date(of t: Timestamp) -> LocalDate { t.localDate(in: timeZone) }

    /// Today's date in this zone.
    public func today(now: Date = Date()) -> LocalDate {
        date(of: Timestamp(seconds: now.timeIntervalSince1970))
    }

    /// The first instant of a local day (midnight, or the first instant that exists
    /// on days where a DST change skips midnight).
    public func startOfDay(_ d: LocalDate) -> Timestamp {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        let c = d.components
        let noon = cal.date(from: DateComponents(year: c.year, month: c.month, day: c.day, hour: 12))!
        return Timestamp(seconds: cal.startOfDay(for: noon).timeIntervalSince1970)
    }
}
