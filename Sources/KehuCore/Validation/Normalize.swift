import Foundation

/// Normal forms kept for search and dedup.
///
/// NFKC folds full-width Latin and digits (`ＡＢＣ１２３` → `ABC123`) and
/// compatibility ideographs; case folding and whitespace collapsing make
/// `  Acme  CO ` and `acme co` the same key.
public enum Normalize {
    /// NFKC, case-folded, inner whitespace collapsed to one space, trimmed.
    public static func key(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII fast path: NFKC is the identity; only fold case and spaces.
            var out = ""
            out.reserveCapacity(s.utf8.count)
            var space = false
            for b in s.utf8 {
                if b == 32 || b == 9 || b == 10 || b == 13 { space = !out.isEmpty; continue }
                if space { out.append(" "); space = false }
                out.unicodeScalars.append(UnicodeScalar(b >= 65 && b <= 90 ? b + 32 : b))
            }
            return out
        }
        let folded = s.precomposedStringWithCompatibilityMapping.lowercased()
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The digits of a phone number, with a leading `+` kept and China's `+86`/`0086`
    /// prefix dropped so that `+86 138-0013-8000` and `13800138000` compare equal.
    /// An extension (`ext`, `x`, `转`, `#`) is dropped.
    public static func phoneDigits(_ s: String) -> String {
        if let fast = ASCIIText.phone(s) { return fast.digits }
        let text = nfkc(s).lowercased()
        let main = beforeExtension(text)
        var digits = main.filter(\.isASCIIDigit)
        let lead = main.first { !$0.isSpaceFast && $0 != "(" && $0 != "（" }
        let international = lead == "+" || digits.hasPrefix("00")
        var chinese = false
        if digits.hasPrefix("0086") { digits.removeFirst(4); chinese = true }
        else if international && digits.hasPrefix("86") && digits.count >= 11 { digits.removeFirst(2); chinese = true }
        // +86 755 8888 1234 is the landline 0755-8888-1234: the trunk 0 comes back.
        if chinese { return digits.hasPrefix("1") && digits.count == 11 ? digits : (digits.hasPrefix("0") ? digits : "0" + digits) }
        else if digits.hasPrefix("00") { return "+" + digits.dropFirst(2) }
        else if international { return "+" + digits }
        return digits
    }

    /// The text before the first extension marker (`ext`, `x`, `#`, `转`, `分机`),
    /// found in one pass (the stdlib's substring search per marker was the
    /// costliest part of checking a phone number).
    static func beforeExtension(_ text: String) -> Substring {
        let u = text.unicodeScalars
        var i = u.startIndex
        while i < u.endIndex {
            let c = u[i]
            let next = u.index(after: i)
            switch c {
            case "x", "#", "转": return Substring(u[..<i])
            case "e" where next < u.endIndex && u[next] == "x" && u.index(after: next) < u.endIndex && u[u.index(after: next)] == "t":
                return Substring(u[..<i])
            case "分" where next < u.endIndex && u[next] == "机": return Substring(u[..<i])
            default: i = next
            }
        }
        return Substring(text)
    }

    /// Email lower-cased and NFKC-folded (full-width `＠` becomes `@`).
    public static func email(_ s: String) -> String {
        trimmingSpaces(nfkc(s).lowercased())
    }

    /// NFKC; ASCII text is returned as it is (NFKC is the identity there), which
    /// skips Foundation for nearly every phone, email and code (see ASCIIText).
    public static func nfkc(_ s: String) -> String {
        s.allASCII ? s : s.precomposedStringWithCompatibilityMapping
    }

    /// `trimmingCharacters(in: .whitespaces)` (tab and the space separators, Zs)
    /// without bridging to NSString.
    public static func trimmingSpaces(_ s: String) -> String {
        func space(_ u: Unicode.Scalar) -> Bool {
            u.value < 0x80 ? (u == " " || u == "\t") : u.properties.generalCategory == .spaceSeparator
        }
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !space($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !space($0) })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return s }
        return String(scalars[first...last])
    }
}
