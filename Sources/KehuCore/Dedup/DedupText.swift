import Foundation

/// The normal forms dedup compares: full-width folded, case-folded, punctuation
/// dropped, company legal forms stripped.
public enum DedupText {
    /// NFKC + lower case, keeping only letters and digits; runs of anything else
    /// become one space between Latin/digit tokens and vanish next to Han characters.
    ///
    /// Fast path for what customer data is made of (ASCII, full-width ASCII, Han,
    /// CJK punctuation): Foundation's NFKC costs microseconds per call, which at
    /// 100k customers and several fields is seconds.
    public static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var lastHan = false
        for u in s.unicodeScalars {
            var v = u.value
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 } else if v == 0x3000 { v = 0x20 }
            if v < 0x80 {
                if v >= 65 && v <= 90 { v += 32 }
                if (v >= 97 && v <= 122) || (v >= 48 && v <= 57) {
                    if pendingSpace && !lastHan { out.append(" ") }
                    out.append(Unicode.Scalar(v)!)
                    pendingSpace = false; lastHan = false
                } else { pendingSpace = !out.isEmpty }
            } else if isHan(u) {
                out.append(u); pendingSpace = false; lastHan = true
            } else if (0x3000...0x303F).contains(v) || (0xFF00...0xFFEF).contains(v) || (0x2010...0x206F).contains(v) {
                pendingSpace = !out.isEmpty
            } else {
                return slowFold(s)
            }
        }
        return String(out)
    }

    static func slowFold(_ s: String) -> String {
        let k = Normalize.key(s)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in k.unicodeScalars {
            if u.properties.isAlphabetic || (u.value >= 48 && u.value <= 57) {
                if pendingSpace, let last = out.last, !isHan(last), !isHan(u) { out.append(" ") }
                pendingSpace = false
                out.append(u)
            } else {
                pendingSpace = !out.isEmpty
            }
        }
        return String(out)
    }

    /// An email address folded (full-width, case), or nil when it has no `@`.
    public static func email(_ s: String) -> String? {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            var v = u.value
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
            if v >= 0x80 { let e = Normalize.email(s); return e.contains("@") ? e : nil }
            if v >= 65 && v <= 90 { v += 32 }
            if v > 32 { out.append(Unicode.Scalar(v)!) }
        }
        let e = String(out)
        return e.contains("@") ? e : nil
    }

    /// The digits that identify a phone number: full-width folded, an extension
    /// (`ext`, `x`, `转`, `分机`, `#`) dropped, China's country code (`+86`,
    /// `(+86)`, `0086`) dropped; other international numbers keep a `+`.
    /// Nil when fewer than seven digits remain.
    public static func phone(_ s: String) -> String? {
        var digits: [UInt8] = []
        var plus = false
        let scalars = Array(s.unicodeScalars)
        var k = 0
        scan: while k < scalars.count {
            var v = scalars[k].value
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
            switch v {
            case 48...57: digits.append(UInt8(v))
            case 43: if digits.isEmpty { plus = true }
            case 120, 88, 35, 0x8F6C, 0x5206: break scan  // x X # 转 分(机)
            case 101, 69: if k + 1 < scalars.count, scalars[k + 1] == "x" || scalars[k + 1] == "X" { break scan }
            default: break
            }
            k += 1
        }
        var d = digits[...]
        if d.starts(with: Array("0086".utf8)) { d = d.dropFirst(4); plus = false }
        else if d.starts(with: Array("00".utf8)) { d = d.dropFirst(2); plus = true }
        var trunk = ""
        if plus && d.starts(with: Array("86".utf8)) && d.count >= 10 {
            d = d.dropFirst(2); plus = false
            // +86 drops the trunk 0 of a landline (+86 755 … is 0755 …); mobiles are 1[3-9] + 9 digits.
            let mobile = d.count == 11 && d.first == 49 && (51...57).contains(d[d.startIndex + 1])
            if !mobile && d.first != 48 { trunk = "0" }
        }
        guard d.count >= 7 else { return nil }
        return (plus ? "+" : trunk) + String(decoding: d, as: UTF8.self)
    }

    @inline(__always) public static func isHan(_ u: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(u.value) || (0x3400...0x4DBF).contains(u.value) || (0x20000...0x2FA1F).contains(u.value)
    }

    /// Legal forms, longest first, as they appear after `fold`.
    static let hanSuffixes = ["股份有限公司", "有限责任公司", "责任有限公司", "有限公司", "公司"]
    static let latinSuffixes: Set<String> = ["co", "ltd", "limited", "inc", "incorporated", "llc", "corp", "corporation",
                                             "company", "plc", "gmbh", "pte", "pty", "lp", "llp"]

    /// A company name without its legal form: `深圳市华强电子有限公司` → `深圳市华强电子`,
    /// `Bright Ocean Trading Co., Ltd.` → `bright ocean trading`.
    public static func companyCore(_ name: String) -> String {
        var s = fold(name)
        var changed = true
        while changed {
            changed = false
            for suf in hanSuffixes where s.hasSuffix(suf) && s.count > suf.count {
                s.removeLast(suf.count); changed = true; break
            }
            if let space = s.lastIndex(of: " "), latinSuffixes.contains(String(s[s.index(after: space)...])) {
                s = String(s[..<space]); changed = true
            }
        }
        return s
    }

    /// Spellings of a folded person name that survive script and order: a Han name
    /// as pinyin surname-first and surname-last (王晓东 → wangxiaodong, xiaodongwang),
    /// a two-word Latin name joined both ways (Xiaodong Wang → xiaodongwang, wangxiaodong).
    public static func personKeys(_ folded: String) -> [String] {
        let scalars = Array(folded.unicodeScalars)
        if scalars.count >= 2, scalars.count <= 4, scalars.allSatisfy(isHan) {
            let surname = Pinyin.full(String(String.UnicodeScalarView([scalars[0]])), surname: true)
            let given = Pinyin.full(String(String.UnicodeScalarView(scalars.dropFirst())))
            return [surname + given, given + surname]
        }
        let words = folded.split(separator: " ")
        if words.count == 2, words.allSatisfy({ $0.unicodeScalars.allSatisfy { $0.isASCII } }) {
            return [String(words[0] + words[1]), String(words[1] + words[0])]
        }
        return []
    }

    /// Tokens of a folded name in sorted order, so `wang wei` and `wei wang` agree.
    public static func sortedTokens(_ folded: String) -> String {
        let t = folded.split(separator: " ")
        return t.count > 1 ? t.sorted().joined(separator: " ") : folded
    }

    /// Blocking tokens of a folded name: each Latin word of three or more letters,
    /// and each pair of adjacent Han characters (so one mistyped character still
    /// leaves most pairs shared).
    public static func tokens(_ folded: String) -> [String] {
        var out: [String] = []
        for word in folded.split(separator: " ") {
            let scalars = Array(word.unicodeScalars)
            var latin = String.UnicodeScalarView()
            for (k, u) in scalars.enumerated() {
                if isHan(u) {
                    if latin.count >= 3 { out.append(String(latin)) }
                    latin.removeAll()
                    if k + 1 < scalars.count, isHan(scalars[k + 1]) {
                        var pair = String.UnicodeScalarView(); pair.append(u); pair.append(scalars[k + 1])
                        out.append(String(pair))
                    }
                } else { latin.append(u) }
            }
            if latin.count >= 3 { out.append(String(latin)) }
        }
        return out
    }
}
