/// Folding of text for filter-as-you-type: cheap enough to run on every field
/// of 100 000 customers at start-up (no Foundation, no ICU).
public enum SearchText {
    /// An ASCII letter or digit, lower-cased, or a full-width one (`Ａ１`) folded
    /// to ASCII; nil for anything else.
    @inline(__always)
    public static func foldASCII(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        var v = s.value
        if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
        if v >= 0x41 && v <= 0x5A { return Unicode.Scalar(UInt8(v + 32)) }
        if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) { return Unicode.Scalar(UInt8(v)) }
        return nil
    }

    /// The text lower-cased, full-width ASCII folded to ASCII, whitespace runs
    /// collapsed to one space; everything else kept (CJK is matched as is).
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for s in text.unicodeScalars {
            var v = s.value
            if v == 0x3000 { v = 0x20 }  // ideographic space
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
            if v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" "); space = false }
            if v < 0x80 {
                out.append(Unicode.Scalar(UInt8(v >= 0x41 && v <= 0x5A ? v + 32 : v)))
            } else if s.properties.changesWhenLowercased {
                out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// The digits of a phone-like token (`138-0013 8000` → `13800138000`), or
    /// nil when the token has anything but digits and phone punctuation.
    public static func phoneDigits(_ token: String) -> String? {
        var out = ""
        var digits = 0
        for s in token.unicodeScalars {
            if let c = foldASCII(s), c.value >= 0x30 && c.value <= 0x39 { out.unicodeScalars.append(c); digits += 1 }
            else if "+-(). ".unicodeScalars.contains(s) { continue }
            else { return nil }
        }
        return digits > 0 ? out : nil
    }
}
