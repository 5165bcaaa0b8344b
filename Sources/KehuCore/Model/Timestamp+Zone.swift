import Foundation

extension Timestamp {
    /// The calendar date of this instant in a time zone (DST-aware: the zone's
    /// offset at this very instant is used).
    public func localDate(in zone: TimeZone) -> LocalDate {
        let seconds = floorDiv(millis, 1000)
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return LocalDate(days: Int32(floorDiv(seconds + Int64(offset), 86_400)))
    }
}
