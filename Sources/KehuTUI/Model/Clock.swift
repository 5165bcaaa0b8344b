import Foundation
import KehuCore

/// "Now" and the calendar of the store's time zone, as values in the state so
/// that the reducer stays pure and tests can fix the date.
public struct Clock: Sendable, Equatable {
    public var now: Timestamp
    public var timeZone: TimeZone

    public init(now: Timestamp, timeZone: TimeZone) { self.now = now; self.timeZone = timeZone }

    public static func system(timeZone: TimeZone) -> Clock {
        Clock(now: Timestamp(seconds: Date().timeIntervalSince1970), timeZone: timeZone)
    }

    /// The calendar date of an instant in the store's zone.
    public func date(_ t: Timestamp) -> LocalDate {
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t.millis) / 1000))
        let local = t.millis + Int64(offset) * 1000
        let days = local >= 0 ? local / 86_400_000 : (local - 86_399_999) / 86_400_000
        return LocalDate(days: Int32(days))
    }

    public var today: LocalDate { date(now) }

    /// `2026-11-25 14:03` in the store's zone.
    public func minute(_ t: Timestamp) -> String {
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t.millis) / 1000))
        let local = Timestamp(millis: t.millis + Int64(offset) * 1000).description
        return String(local.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }
}
