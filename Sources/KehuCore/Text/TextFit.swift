/// Fitting text into a number of terminal cells: truncation with an ellipsis
/// and padding, both by display width, never splitting a wide character.
public enum TextFit {
    public static let ellipsis = "…"

    public enum Alignment: Sendable { case left, right, center }

    /// The text cut to at most `width` cells. When it is cut, it ends with `…`
    /// (one cell); a wide character that would straddle the edge is dropped
    /// whole, so the result may be one cell narrower than `width`.
    public static func truncate(_ text: String, to width: Int) -> String {
        if width <= 0 { return "" }
        if text.utf8.count <= width && text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        let total = text.displayWidth
        if total <= width { return text }
        var out = ""
        var used = 0
        for u in DisplayWidth.units(text) {
            if used + u.width > width - 1 { break }
            out += u.text
            used += u.width
        }
        return out + ellipsis
    }

    /// The text in exactly `width` cells: truncated with `…` if too long, padded
    /// with spaces otherwise.
    public static func fit(_ text: String, _ width: Int, _ align: Alignment = .left) -> String {
        if width <= 0 { return "" }
        let t = truncate(text, to: width)
        let gap = width - t.displayWidth
        if gap <= 0 { return t }
        switch align {
        case .left: return t + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + t
        case .center:
            let l = gap / 2
            return String(repeating: " ", count: l) + t + String(repeating: " ", count: gap - l)
        }
    }

    /// Breaks text into lines of at most `width` cells: at spaces where it can,
    /// anywhere between CJK characters (which need no spaces), never inside a unit.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for para in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", used = 0
            var lastSpace: (String.Index, Int)? = nil  // position in `line` after a space, width there
            for u in DisplayWidth.units(para) {
                if used + u.width > width {
                    if u.text == " " {
                        lines.append(line); line = ""; used = 0; lastSpace = nil
                        continue
                    }
                    if let (idx, w) = lastSpace, w > 0 {
                        let rest = String(line[idx...])
                        lines.append(String(line[..<idx]).trimmingTrailingSpaces())
                        line = rest; used = used - w
                    } else {
                        lines.append(line); line = ""; used = 0
                    }
                    lastSpace = nil
                }
                line += u.text
                used += u.width
                if u.text == " " { lastSpace = (line.endIndex, used) }
            }
            lines.append(line)
        }
        return lines
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
