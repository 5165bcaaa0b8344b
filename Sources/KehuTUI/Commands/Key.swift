/// A key press, as the reducer sees it (the adapter translates ncurses codes).
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case char(Character)
    case ctrl(Character)        // lower-case letter: .ctrl("s")
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)

    /// How help screens and docs write the key.
    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + c.uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .function(let n): return "F\(n)"
        }
    }

    /// Parses the names `description` writes (`Ctrl-S`, `PgDn`, `g`), for
    /// bindings given as data.
    public init?(name: String) {
        let table: [String: Key] = [
            "↑": .up, "up": .up, "↓": .down, "down": .down, "←": .left, "left": .left, "→": .right, "right": .right,
            "pgup": .pageUp, "pgdn": .pageDown, "home": .home, "end": .end, "enter": .enter, "esc": .escape,
            "tab": .tab, "shift-tab": .backTab, "backspace": .backspace, "del": .delete, "space": .char(" "),
        ]
        if let k = table[name.lowercased()] { self = k; return }
        if name.count == 1, let c = name.first { self = .char(c); return }
        if name.lowercased().hasPrefix("ctrl-"), name.count == 6, let c = name.last { self = .ctrl(Character(c.lowercased())); return }
        if name.hasPrefix("F"), let n = Int(name.dropFirst()), (1...12).contains(n) { self = .function(n); return }
        return nil
    }

    /// The character a key types into a text field, if it types one.
    public var typed: Character? {
        if case .char(let c) = self { return c }
        return nil
    }
}
