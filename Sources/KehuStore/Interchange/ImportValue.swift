import Foundation
import KehuCore

/// Turns spreadsheet text into the values the journal stores, accepting what
/// people type in Chinese and English spreadsheets: `★★★` or `3` for credit,
/// `1,200` for a count, 是/否 for yes/no, tags separated by `,` `，` `;` `、`,
/// dates as `2024-01-31`, `2024/1/31`, `2024年1月31日` or an Excel date-time,
/// amounts as `¥1,234.50`. A value that cannot be converted is passed on as
/// text, so that the field checker refuses it with its usual reason.
public enum ImportValue {
    /// A customer field's value (dictionary codes resolved from either label).
    public static func customer(_ field: CustomerField, _ text: String, dictionary: SystemDictionary) -> Value {
        switch field.kind {
        case .dictionary(let kind):
            return .string(dictionary.resolveCode(kind, text) ?? text)
        case .credit:
            let stars = text.filter { $0 == "★" || $0 == "*" || $0 == "☆" }
            if !stars.isEmpty && stars.count == text.count { return .int(Int64(text.filter { $0 != "☆" }.count)) }
            return integer(text).map(Value.int) ?? .string(text)
        case .integer:
            return integer(text).map(Value.int) ?? .string(text)
        case .boolean:
            let t = text.lowercased()
            if ["true", "yes", "y", "1", "是", "对", "√", "✓"].contains(t) { return .bool(true) }
            if ["false", "no", "n", "0", "否", "不", "×", "✗"].contains(t) { return .bool(false) }
            return .string(text)
        case .tags:
            return .array(text.split(whereSeparator: { ",，;；、".contains($0) })
                .map { Normalize.trimmingSpaces(String($0)) }.filter { !$0.isEmpty }.map(Value.string))
        case .date:
            return .string(date(text)?.description ?? text)
        default:
            return .string(text)
        }
    }

    /// `1,200`, `1200人`, `1200.0` → 1200.
    public static func integer(_ text: String) -> Int64? {
        if text.utf8.count < 19, !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return Int64(text) }
        var t = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
        for suffix in ["人", "名", "个"] where t.hasSuffix(suffix) { t.removeLast() }
        t = t.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix(".0") { t.removeLast(2) }
        return Int64(t)
    }

    /// A calendar date from `2024-01-31`, `2024/1/31`, `2024.1.31`, `2024年1月31日`,
    /// or the date part of `2024-01-31 09:30:00` / `2024-01-31T09:30:00Z`.
    public static func date(_ text: String) -> LocalDate? {
        if text.utf8.count == 10, let d = LocalDate(text) { return d }
        var t = Substring(Normalize.trimmingSpaces(text))
        if let cut = t.firstIndex(where: { $0 == " " || $0 == "T" }) { t = t[..<cut] }
        if t.contains("年") {
            let s = t.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "-").replacingOccurrences(of: "日", with: "")
            return LocalDate(s)
        }
        return LocalDate(t)
    }

    /// An instant: ISO 8601 with `Z` or an offset as written; a date and time
    /// without a zone (what spreadsheets hold) in `zone`; a bare date at 00:00 in `zone`.
    public static func instant(_ text: String, zone: TimeZone) -> Timestamp? {
        let t = Normalize.trimmingSpaces(text)
        if t.hasSuffix("Z") || t.dropFirst(19).contains("+") || t.dropFirst(19).contains("-") {
            if let ts = Timestamp(t) { return ts }
        }
        let parts = t.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard let first = parts.first, let d = date(String(first)) else { return nil }
        var secs = 0
        if parts.count >= 2 {
            let hms = parts[1].split(separator: ":")
            guard hms.count >= 2, hms.count <= 3, let h = Int(hms[0]), let m = Int(hms[1]), h < 24, m < 60 else { return nil }
            var s = 0.0
            if hms.count == 3 { guard let v = Double(hms[2]), v < 61 else { return nil }; s = v }
            secs = h * 3600 + m * 60 + Int(s)
            guard parts.count == 2 else { return nil }
        }
        let local = Int64(d.days) * 86400 + Int64(secs)
        // The zone's offset at that local time (looked up at the naive instant, then corrected once).
        var offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
        offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - Int64(offset))))
        return Timestamp(millis: (local - Int64(offset)) * 1000)
    }

    /// `¥1,234.50` → `1234.50`; nil when not an amount.
    public static func amount(_ text: String) -> String? {
        if let m = Money(parsing: text) { return m.plain }
        return Money(parsing: text.replacingOccurrences(of: "，", with: ","))?.plain
    }

    /// An interaction kind from its key or either label (联系, 反馈, 投诉).
    public static func interactionKind(_ text: String) -> String {
        let k = Normalize.key(text)
        return Interaction.Kind.allCases.first { $0.rawValue == k || $0.label.zh == text || Normalize.key($0.label.en) == k }?.rawValue ?? text
    }
}
