import Foundation
import KehuCore

/// "Now" and the calendar of the store's time zone, as values in the state so
/// that the reducer stays pure and tests can fix the date.
public struct Clock: Sendable, Equatable {
    public var now: Timestamp
    public var timeZone: TimeZone {
        didSet { fixedOffset = Clock.fixedOffset(timeZone, now) }
    }
    /// The zone's offset in seconds when it has no daylight saving time ahead
    /// (Asia/Shanghai), so dates of 100 000 customers need no zone lookups.
    private var fixedOffset: Int?

    public init(now: Timestamp, timeZone: TimeZone) {
        self.now = now; self.timeZone = timeZone
        fixedOffset = Clock.fixedOffset(timeZone, now)
    }

    static func fixedOffset(_ zone: TimeZone, _ now: Timestamp) -> Int? {
        let date = Date(timeIntervalSince1970: Double(now.millis) / 1000)
        let past = Date(timeIntervalSince1970: 0)
        // No transition between 1970 and now, and none ahead: the offset never changes.
        guard zone.nextDaylightSavingTimeTransition(after: date) == nil,
              zone.nextDaylightSavingTimeTransition(after: past).map({ $0 > date }) ?? true else { return nil }
        return zone.secondsFromGMT(for: date)
    }

    @inline(__always)
    func offsetSeconds(_ t: Timestamp) -> Int {
        fixedOffset ?? timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t.millis) / 1000))
    }

    public static func system(timeZone: TimeZone) -> Clock {
        Clock(now: Timestamp(seconds: Date().timeIntervalSince1970), timeZone: timeZone)
    }

    /// The calendar date of an instant in the store's zone.
    public func date(_ t: Timestamp) -> LocalDate {
        let offset = offsetSeconds(t)
        let local = t.millis + Int64(offset) * 1000
        let days = local >= 0 ? local / 86_400_000 : (local - 86_399_999) / 86_400_000
        return LocalDate(days: Int32(days))
    }

    public var today: LocalDate { date(now) }

    /// `2026-11-25 14:03` in the store's zone.
    public func minute(_ t: Timestamp) -> String {
        let offset = offsetSeconds(t)
        let local = Timestamp(millis: t.millis + Int64(offset) * 1000).description
        return String(local.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }
}
