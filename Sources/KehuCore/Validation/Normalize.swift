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
        let text = s.precomposedStringWithCompatibilityMapping.lowercased()
        var main = Substring(text)
        for marker in ["ext", "转", "x", "#", "分机"] {
            if let r = main.range(of: marker) { main = main[..<r.lowerBound] }
        }
        var digits = main.filter { $0.isASCII && $0.isNumber }
        let lead = main.first { !$0.isWhitespace && $0 != "(" && $0 != "（" }
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

    /// Email lower-cased and NFKC-folded (full-width `＠` becomes `@`).
    public static func email(_ s: String) -> String {
        s.precomposedStringWithCompatibilityMapping.lowercased().trimmingCharacters(in: .whitespaces)
    }
}
