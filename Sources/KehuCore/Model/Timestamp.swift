/// An instant in UTC, milliseconds since the Unix epoch.
///
/// The store writes instants as `2026-11-25T10:09:04.123Z`; a plain integer keeps
/// comparisons and parsing cheap when a million of them are read at start-up.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var millis: Int64

    public init(millis: Int64) { self.millis = millis }
    public init(seconds: Double) { self.millis = Int64((seconds * 1000).rounded()) }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff]Z` (also with a space and an explicit `+08:00` offset).
    public init?(_ text: some StringProtocol) {
        // Contiguous UTF-8 (every native String) is read in place; anything else is copied once.
        guard let parsed = text.utf8.withContiguousStorageIfAvailable({ Timestamp.parse($0) }) ?? Array(text.utf8).withUnsafeBufferPointer({ Timestamp.parse($0) }) else { return nil }
        self = parsed
    }

    private static func parse(_ s: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        guard s.count >= 19 else { return nil }
        func num(_ a: Int, _ b: Int) -> Int? {
            var v = 0
            for i in a..<b { let c = s[i]; guard c >= 48 && c <= 57 else { return nil }; v = v * 10 + Int(c - 48) }
            return v
        }
        guard let y = num(0, 4), s[4] == 45, let mo = num(5, 7), s[7] == 45, let d = num(8, 10),
              s[10] == 84 || s[10] == 32, let h = num(11, 13), s[13] == 58, let mi = num(14, 16), s[16] == 58,
              let se = num(17, 19), let date = LocalDate(year: y, month: mo, day: d), h < 24, mi < 60, se < 61
        else { return nil }
        var i = 19
        var ms = 0
        if i < s.count && s[i] == 46 {
            i += 1
            var digits = 0
            while i < s.count, s[i] >= 48, s[i] <= 57 {
                if digits < 3 { ms = ms * 10 + Int(s[i] - 48) }
                digits += 1; i += 1
            }
            for _ in digits..<3 where digits < 3 { ms *= 10 }
        }
        var offset = 0
        if i < s.count {
            if s[i] == 90 { i += 1 } else if s[i] == 43 || s[i] == 45, s.count >= i + 6, let oh = num(i + 1, i + 3), let om = num(i + 4, i + 6) {
                offset = (oh * 60 + om) * (s[i] == 43 ? 1 : -1)
                i += 6
            } else { return nil }
        }
        guard i == s.count else { return nil }
        let secs = Int64(date.days) * 86400 + Int64(h * 3600 + mi * 60 + se) - Int64(offset * 60)
        return Timestamp(millis: secs * 1000 + Int64(ms))
    }

    /// The UTC calendar date of this instant.
    public var utcDate: LocalDate { LocalDate(days: Int32(floorDiv(millis, 86_400_000))) }

    public var description: String {
        let day = floorDiv(millis, 86_400_000)
        let rem = millis - day * 86_400_000
        let date = LocalDate(days: Int32(day))
        let secs = Int(rem / 1000)
        return "\(date)T\(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):\(pad(secs % 60, 2)).\(pad(Int(rem % 1000), 3))Z"
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.millis < b.millis }
}

@inline(__always) func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
