/// Display width and control-character escaping for plain (non-curses) output.
enum TerminalText {
    /// Columns a string takes in a terminal: East Asian wide and full-width = 2,
    /// combining marks = 0, everything else 1.
    static func width(_ s: String) -> Int {
        var w = 0
        for u in s.unicodeScalars { w += scalarWidth(u) }
        return w
    }

    static func scalarWidth(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v < 0x300 { return v < 0x20 || v == 0x7F ? 0 : 1 }
        if u.properties.generalCategory == .nonspacingMark || u.properties.generalCategory == .enclosingMark || v == 0x200B { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v) ||
            (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) ||
            (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    /// Control characters (ESC, BEL, …) shown as `^[`-style text so stored data
    /// can never drive the terminal; newlines become `⏎` when `singleLine`.
    static func visible(_ s: String, singleLine: Bool) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u.value {
            case 0x0A: out += singleLine ? "⏎" : "\n"
            case 0x09: out += singleLine ? " " : "\t"
            case 0x00..<0x20: out += "^" + String(UnicodeScalar(UInt8(u.value) + 0x40))
            case 0x7F: out += "^?"
            case 0x80..<0xA0: out += "<U+" + String(u.value, radix: 16, uppercase: true) + ">"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
