/// Makes untrusted field text safe to draw on a terminal.
///
/// On a shared server one user's data is drawn on another user's terminal, and
/// an imported note can carry `ESC]…` (set title, OSC 52 clipboard writes) or
/// `ESC[2J`. Nothing from a record may reach the terminal as a control
/// sequence, so every control character is replaced by a visible form:
/// C0 and DEL in caret notation (`^[`, `^M`, `^?`), C1 as `M-^[` (as `cat -v`
/// writes them), and the bidirectional overrides and isolates, which can make
/// text read in a different order than it is stored, as `<U+202E>`.
/// Invalid UTF-8 becomes U+FFFD when bytes are decoded (`decode`).
public enum TerminalText {
    /// One line for a cell, a column or a title: newlines show as `⏎`, tabs as one space.
    public static func line(_ text: String) -> String {
        if isPlain(text) { return text }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for s in text.unicodeScalars {
            switch s.value {
            case 0x0A: if !previousCR { out.append("⏎") }
            case 0x0D: out.append("⏎")
            case 0x09: out.append(" ")
            default: append(s, to: &out)
            }
            previousCR = s.value == 0x0D
        }
        return String(out)
    }

    /// Multi-line text (notes, addresses) as safe lines: CRLF and CR count as
    /// line breaks, a tab becomes spaces to the next multiple of four.
    public static func lines(_ text: String) -> [String] {
        var result: [String] = []
        var cur = String.UnicodeScalarView()
        var col = 0
        var previousCR = false
        for s in text.unicodeScalars {
            let v = s.value
            if v == 0x0A && previousCR { previousCR = false; continue }
            previousCR = v == 0x0D
            if v == 0x0A || v == 0x0D {
                result.append(String(cur)); cur = String.UnicodeScalarView(); col = 0
            } else if v == 0x09 {
                let n = 4 - col % 4
                for _ in 0..<n { cur.append(" ") }
                col += n
            } else {
                let before = cur.count
                append(s, to: &cur)
                col += cur.count - before
            }
        }
        result.append(String(cur))
        return result
    }

    /// Decodes bytes from outside (a file, a pipe) as UTF-8, invalid sequences as U+FFFD.
    public static func decode(_ bytes: some Sequence<UInt8>) -> String {
        String(decoding: Array(bytes), as: UTF8.self)
    }

    /// True when the text has nothing to replace (the common case, checked on bytes).
    @inline(__always)
    static func isPlain(_ text: String) -> Bool {
        var it = text.utf8.makeIterator()
        while let b = it.next() {
            if b < 0x20 || b == 0x7F { return false }
            // C1 controls are U+0080–U+009F, i.e. 0xC2 0x80–0x9F; bidi controls start with 0xE2 0x80/0x81.
            if b == 0xC2 || b == 0xE2 { return text.unicodeScalars.allSatisfy { !needsEscape($0) } }
        }
        return true
    }

    @inline(__always)
    static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || (v >= 0x7F && v < 0xA0) || isBidiControl(v)
    }

    @inline(__always)
    static func isBidiControl(_ v: UInt32) -> Bool {
        (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069) || v == 0x2028 || v == 0x2029
    }

    /// Appends a scalar, or its visible form when it is a control character.
    static func append(_ s: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let v = s.value
        if v < 0x20 {
            out.append("^"); out.append(Unicode.Scalar(UInt8(v + 0x40)))
        } else if v == 0x7F {
            out.append("^"); out.append("?")
        } else if v >= 0x80 && v < 0xA0 {
            out.append(contentsOf: "M-^".unicodeScalars); out.append(Unicode.Scalar(UInt8(v - 0x80 + 0x40)))
        } else if isBidiControl(v) {
            let hex = String(v, radix: 16, uppercase: true)
            out.append(contentsOf: "<U+\(hex)>".unicodeScalars)
        } else {
            out.append(s)
        }
    }
}
