import KehuCore

/// A screen as a rectangle of cells: what every renderer draws into and what
/// the ncurses adapter copies to the terminal. Text only gets in through
/// `put`, which sanitises it, so no record can send an escape sequence.
public struct Grid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, role: Role = .normal) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: Cell(role: role), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
    }

    /// Draws text at (x, y), clipped to `maxWidth` cells (and the grid), with
    /// `…` when it is cut. Control characters are shown visibly (`^[`).
    /// - Returns: the number of cells used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? (width - x), width - x)
        guard limit > 0 else { return 0 }
        let safe = TextFit.truncate(TerminalText.line(text), to: limit)
        var cx = x
        for u in DisplayWidth.units(safe) {
            if cx + u.width > x + limit { break }
            if cx >= 0 { set(cx, y, Cell(text: u.text, width: UInt8(u.width), role: role)) }
            if u.width == 2, cx + 1 >= 0, cx + 1 < width { set(cx + 1, y, Cell(text: "", width: 0, role: role)) }
            cx += u.width
        }
        return cx - x
    }

    /// Draws a row of spans one after another; returns the cells used.
    @discardableResult
    public mutating func put(_ spans: [Span], x: Int, y: Int, maxWidth: Int? = nil) -> Int {
        let limit = maxWidth ?? (width - x)
        var used = 0
        for s in spans where used < limit {
            used += put(s.text, x: x + used, y: y, role: s.role, maxWidth: limit - used)
        }
        return used
    }

    /// Fills a rectangle with spaces of a role (clears a pane, paints a bar).
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, role: Role = .normal) {
        for yy in max(0, y)..<min(height, y + h) {
            for xx in max(0, x)..<min(width, x + w) { cells[yy * width + xx] = Cell(role: role) }
        }
    }

    /// Changes the role of a rectangle, keeping its text (selection highlight).
    public mutating func paint(x: Int, y: Int, width w: Int, height h: Int = 1, role: Role) {
        for yy in max(0, y)..<min(height, y + h) {
            for xx in max(0, x)..<min(width, x + w) { cells[yy * width + xx].role = role }
        }
    }

    /// Copies another grid in at (x, y) (a pane rendered on its own).
    public mutating func blit(_ g: Grid, x: Int, y: Int) {
        for yy in 0..<g.height where y + yy >= 0 && y + yy < height {
            for xx in 0..<g.width where x + xx >= 0 && x + xx < width {
                cells[(y + yy) * width + x + xx] = g.cells[yy * g.width + xx]
            }
        }
        // A wide cell cut at the right edge would leave half a character: blank it.
        for yy in 0..<g.height where y + yy >= 0 && y + yy < height {
            let edge = x + g.width - 1
            if edge >= 0, edge < width, cells[(y + yy) * width + edge].width == 2, edge + 1 >= width {
                cells[(y + yy) * width + edge] = Cell(role: cells[(y + yy) * width + edge].role)
            }
        }
    }

    private mutating func set(_ x: Int, _ y: Int, _ c: Cell) {
        let i = y * width + x
        // Overwriting half of a wide character blanks the other half.
        if cells[i].width == 2, x + 1 < width, c.width != 2 { cells[i + 1] = Cell(role: cells[i + 1].role) }
        if cells[i].width == 0, x > 0, cells[i - 1].width == 2 { cells[i - 1] = Cell(role: cells[i - 1].role) }
        cells[i] = c
    }

    /// The screen as plain text, one line per row, trailing spaces kept (snapshot tests).
    public var text: String {
        (0..<height).map { row($0) }.joined(separator: "\n")
    }

    /// One row as text (continuation cells skipped).
    public func row(_ y: Int) -> String {
        var s = ""
        for x in 0..<width { let c = cells[y * width + x]; if !c.isContinuation { s += c.text } }
        return s
    }

    /// The screen as text with trailing spaces trimmed (for docs and e2e comparisons).
    public var trimmedText: String {
        (0..<height).map { var r = row($0); while r.last == " " { r.removeLast() }; return r }.joined(separator: "\n")
    }
}

/// A piece of text with a role.
public struct Span: Equatable, Sendable {
    public var text: String
    public var role: Role
    public init(_ text: String, _ role: Role = .normal) { self.text = text; self.role = role }
}
