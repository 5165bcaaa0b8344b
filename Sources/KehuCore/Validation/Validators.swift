import Foundation

/// Field validators. Each returns nil when the value is acceptable, else a short
/// reason (English; the UI translates by reason code where it shows them).
public enum Validators {
    public static func email(_ s: String) -> String? {
        if let ok = ASCIIText.email(s) { return ok ? nil : "not an email address (expected name@domain)" }
        let e = Normalize.email(s)
        let parts = e.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, parts[1].count >= 3 else {
            return "not an email address (expected name@domain)"
        }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains(".."),
              domain.allSatisfy({ $0.isLetterOrDigit || $0 == "-" || $0 == "." }),
              parts[0].allSatisfy({ !$0.isSpaceFast && $0 != "," && $0 != ";" && $0 != "<" && $0 != ">" })
        else { return "not an email address (expected name@domain)" }
        return nil
    }

    /// Accepts CN mobiles (1[3-9]x, 11 digits), CN landlines with area code
    /// (010-12345678, 0755 8888 1234), `400`/`800` numbers, international numbers
    /// (+CC, 7–15 digits, E.164) and an optional extension.
    public static func phone(_ s: String) -> String? {
        let d: String
        if let fast = ASCIIText.phone(s) {
            guard fast.allowed else { return "not a phone number (only digits, spaces, + - ( ) and an extension)" }
            d = fast.digits
        } else {
            let text = Normalize.nfkc(s)
            guard text.unicodeScalars.allSatisfy(isPhoneScalar) else {
                return "not a phone number (only digits, spaces, + - ( ) and an extension)"
            }
            d = Normalize.phoneDigits(text)
        }
        if d.hasPrefix("+") {
            let n = d.dropFirst()
            return (7...15).contains(n.count) ? nil : "not a phone number (international numbers have 7–15 digits)"
        }
        if d.count == 11 && d.hasPrefix("1") {
            let second = d[d.index(after: d.startIndex)]
            return "3456789".contains(second) ? nil : "not a CN mobile number (1[3-9] and 11 digits)"
        }
        if d.hasPrefix("400") || d.hasPrefix("800") { return d.count == 10 ? nil : "not a 400/800 number (10 digits)" }
        if d.hasPrefix("0") { return (10...12).contains(d.count) ? nil : "not a CN landline (area code + 7–8 digits)" }
        if (7...8).contains(d.count) { return nil }  // local number without area code
        return "not a phone number"
    }

    /// A CN postcode: six digits.
    public static func postcode(_ s: String) -> String? {
        let t = Normalize.trimmingSpaces(Normalize.nfkc(s))
        return t.count == 6 && t.allSatisfy(\.isASCIIDigit) ? nil : "not a CN postcode (six digits)"
    }

    /// An http(s) URL or a bare domain (`www.example.com.cn`).
    public static func url(_ s: String) -> String? {
        if let ok = ASCIIText.url(s) { return ok ? nil : "not a web address (expected example.com or https://example.com/…)" }
        var t = Normalize.trimmingSpaces(s).lowercased()
        if t.hasPrefix("https://") { t.removeFirst(8) } else if t.hasPrefix("http://") { t.removeFirst(7) }
        let host = t.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        let hostOnly = host.split(separator: ":").first.map(String.init) ?? ""
        guard hostOnly.contains("."), !hostOnly.hasPrefix("."), !hostOnly.hasSuffix("."),
              hostOnly.allSatisfy({ $0.isLetterOrDigit || $0 == "-" || $0 == "." }),
              !t.contains(where: { $0.isSpaceFast })
        else { return "not a web address (expected example.com or https://example.com/…)" }
        return nil
    }

    /// The characters a phone number may be written with: digits, `+ - ( ) . #`,
    /// space and an extension marker (`x`, `ext`, `转`, `分机`).
    static func isPhoneScalar(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "0"..."9", "+", "-", "(", ")", " ", ".", "#", "x", "X", "e", "E", "t", "T", "转", "分", "机": return true
        default: return false
        }
    }

    public static func credit(_ n: Int64) -> String? {
        (1...5).contains(n) ? nil : "credit is 1–5 stars"
    }
}
