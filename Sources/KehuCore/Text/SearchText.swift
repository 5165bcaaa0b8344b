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
        var out: [UInt8] = []
        fold(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `fold` appending UTF-8 bytes: ASCII and CJK are handled on bytes, only
    /// 2-byte scalars (Latin, Greek, Cyrillic) and full-width forms are decoded.
    /// This is what makes indexing 100 000 customers take well under a second.
    public static func fold(_ text: String, into out: inout [UInt8]) {
        let start = out.count
        var space = false
        var t = text
        t.makeContiguousUTF8()
        _ = t.utf8.withContiguousStorageIfAvailable { foldBytes($0, start: start, space: &space, into: &out) }
    }

    @inline(__always)
    static func foldBytes(_ b: UnsafeBufferPointer<UInt8>, start: Int, space: inout Bool, into out: inout [UInt8]) -> Bool {
        var i = 0
        let n = b.count
        func emit(_ c: UInt8) {
            if space { if out.count > start { out.append(0x20) }; space = false }
            out.append(c)
        }
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { space = true }
                else { emit(c >= 0x41 && c <= 0x5A ? c + 32 : c) }
                i += 1
            } else if c < 0xE0 {
                // Two bytes: U+0080–U+07FF (Latin-1, Latin Extended, Greek, Cyrillic …).
                guard i + 1 < n else { i += 1; continue }
                let v = (UInt32(c & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F)
                if let sc = Unicode.Scalar(v), sc.properties.changesWhenLowercased {
                    for x in sc.properties.lowercaseMapping.utf8 { emit(x) }
                } else { emit(c); out.append(b[i + 1]) }
                i += 2
            } else if c < 0xF0 {
                guard i + 2 < n else { i += 1; continue }
                let v = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
                if v == 0x3000 { space = true }
                else if v >= 0xFF01 && v <= 0xFF5E {
                    let a = UInt8(v - 0xFEE0)
                    emit(a >= 0x41 && a <= 0x5A ? a + 32 : a)
                } else { emit(c); out.append(b[i + 1]); out.append(b[i + 2]) }
                i += 3
            } else {
                guard i + 3 < n else { i += 1; continue }
                emit(c); out.append(b[i + 1]); out.append(b[i + 2]); out.append(b[i + 3])
                i += 4
            }
        }
        return true
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
