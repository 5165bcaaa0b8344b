/// How many terminal cells text takes.
///
/// The rules are the C library's `wcwidth()` (tables generated from glibc by
/// `scripts/gen-width-table.sh`), because ncurses asks `wcwidth()` too: if Kehu
/// counted differently, a CJK or emoji column would push everything after it
/// out of line. CJK and full-width forms take 2 cells, combining marks, ZWJ and
/// variation selectors 0, emoji with emoji presentation 2.
///
/// Text is laid out in *cell units*: one scalar that takes cells plus the
/// zero-width scalars after it (the same split ncurses makes into `cchar_t`).
/// Control characters are not counted here: sanitise first (`TerminalText`).
public enum DisplayWidth {
    /// Cells of one scalar: 0, 1 or 2. ASCII is answered without a table lookup.
    @inline(__always)
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return v < 0x20 || (v >= 0x7F && v < 0xA0) ? 0 : 1 }
        if v >= 0x4E00 && v <= 0x9FFF { return 2 }  // the common case for Chinese text
        if contains(wideRanges, v) { return 2 }
        if contains(zeroWidthRanges, v) { return 0 }
        return 1
    }

    /// Cells of a string (the sum over its scalars).
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var n = 0
        for s in text.unicodeScalars { n += of(s) }
        return n
    }

    /// Binary search in a sorted list of closed ranges.
    static func contains(_ ranges: [(UInt32, UInt32)], _ v: UInt32) -> Bool {
        var lo = 0, hi = ranges.count - 1
        if hi < 0 || v < ranges[0].0 || v > ranges[hi].1 { return false }
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = ranges[mid]
            if v < r.0 { hi = mid - 1 } else if v > r.1 { lo = mid + 1 } else { return true }
        }
        return false
    }

    /// Splits text into cell units: each unit is a scalar of width ≥ 1 followed
    /// by the zero-width scalars that ride on it. A zero-width scalar with
    /// nothing before it gets a no-break space to sit on, so it stays visible
    /// and never merges into the neighbouring cell.
    public static func units<S: StringProtocol>(_ text: S) -> [(text: String, width: Int)] {
        var out: [(text: String, width: Int)] = []
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            let w = of(s)
            if w == 0 {
                if out.isEmpty { out.append(("\u{A0}", 1)) }
                out[out.count - 1].text.unicodeScalars.append(s)
            } else {
                out.append((String(s), w))
            }
        }
        return out
    }
}

extension StringProtocol {
    /// Terminal cells this text takes (see `DisplayWidth`).
    public var displayWidth: Int { DisplayWidth.of(self) }
}
