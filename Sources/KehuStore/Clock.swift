import Foundation
import KehuCore

/// The only places that read the wall clock; everything else takes dates as arguments.
extension Timestamp {
    /// The current instant.
    public static var now: Timestamp { Timestamp(seconds: Date().timeIntervalSince1970) }
}

extension LocalDate {
    /// Today's calendar date in a time zone.
    public static func today(in zone: TimeZone) -> LocalDate { Timestamp.now.localDate(in: zone) }
}
