/// A one-line text editor (the filter, the command line, a form field):
/// a string and a cursor position in characters.
public struct LineInput: Sendable, Equatable {
    public var text: String
    public var cursor: Int

    public init(_ text: String = "") { self.text = text; cursor = text.count }

    /// Applies an editing key. Returns false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            let i = text.index(text.startIndex, offsetBy: cursor)
            text.insert(c, at: i); cursor += 1
        case .backspace, .ctrl("h"):
            guard cursor > 0 else { return true }
            let i = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: i); cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"): text = String(text.dropFirst(cursor)); cursor = 0
        case .ctrl("k"): text = String(text.prefix(cursor))
        case .ctrl("w"):
            var i = cursor
            let chars = Array(text)
            while i > 0 && chars[i - 1] == " " { i -= 1 }
            while i > 0 && chars[i - 1] != " " { i -= 1 }
            text = String(chars[..<i] + chars[cursor...]); cursor = i
        default: return false
        }
        return true
    }

    /// The text before the cursor (to place the terminal cursor by display width).
    public var beforeCursor: String { String(text.prefix(cursor)) }
}
