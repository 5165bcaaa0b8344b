/// Formula-injection (CSV injection) escaping.
///
/// A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, tab or CR as a
/// formula, so a customer named `=HYPERLINK(…)` could act on the machine of
/// whoever opens an export. Such cells are written with a leading `'`, which
/// Excel and LibreOffice show as text. To keep the escape reversible, a value
/// that already starts with `'`s followed by one of those characters gets one
/// more `'`; `unescape` removes exactly one. Plain numbers (`-12.50`) are left
/// alone: a spreadsheet reads them as numbers, never as formulas.
public enum FormulaEscape {
    @inline(__always) static func isTrigger(_ b: UInt8) -> Bool {
        b == 61 || b == 43 || b == 45 || b == 64 || b == 9 || b == 13  // = + - @ \t \r
    }

    /// True when a spreadsheet would treat the text as a formula.
    public static func needsEscape(_ s: String) -> Bool {
        var it = s.utf8.makeIterator()
        guard var b = it.next() else { return false }
        if isTrigger(b) { return !isPlainNumber(s) }
        guard b == 39 else { return false }
        while b == 39 { guard let n = it.next() else { return false }; b = n }
        return isTrigger(b)
    }

    public static func escape(_ s: String) -> String { needsEscape(s) ? "'" + s : s }

    /// Removes the escape `escape` added (one leading `'` before a formula trigger).
    public static func unescape(_ s: String) -> String {
        guard s.utf8.first == 39 else { return s }
        let rest = String(s.utf8.dropFirst())!
        return needsEscape(rest) ? rest : s
    }

    /// `-12`, `+3.5`, `-1,234.50`: numbers a spreadsheet parses as numbers.
    public static func isPlainNumber(_ s: String) -> Bool {
        var digits = 0, dots = 0
        for (k, b) in s.utf8.enumerated() {
            if (b == 45 || b == 43) && k == 0 { continue }
            if b >= 48 && b <= 57 { digits += 1; continue }
            if b == 46 { dots += 1; continue }
            if b == 44 { continue }
            return false
        }
        return digits > 0 && dots <= 1
    }
}
