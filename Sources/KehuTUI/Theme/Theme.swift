import KehuCore
import TOMLKit

/// How each `Role` looks: foreground and background for 256-colour and
/// 8-colour terminals, and attributes (bold, reverse, underline) — which alone
/// must carry the meaning on a terminal without colour or under `NO_COLOR`.
///
/// Themes are TOML (`themes/*.toml`, one `[role]` table each). The four
/// shipped ones are compiled in (`BuiltinThemes`); a file of the same name in
/// `~/.config/kehu/themes/` overrides one.
public struct Theme: Sendable, Equatable {
    public struct Style: Sendable, Equatable {
        /// 0–7 (black red green yellow blue magenta cyan white), -1 = terminal default.
        public var fg8 = -1, bg8 = -1
        /// 0–255, -1 = use the 8-colour value.
        public var fg256 = -1, bg256 = -1
        public var bold = false, reverse = false, underline = false, dim = false
        /// Attributes used when there is no colour at all.
        public var monoBold = false, monoReverse = false, monoUnderline = false
        public init() {}
    }

    public var name: String
    public var styles: [Role: Style]

    public func style(_ r: Role) -> Style { styles[r] ?? styles[.normal] ?? Style() }

    static let colourNames = ["black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7, "default": -1]

    /// Parses a theme. Errors are one line naming the file, and the role or line.
    public static func parse(_ text: String, name: String, path: String) throws -> Theme {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw ThemeError(message: "\(path):\(e.source.begin.line): \(e.description)")
        }
        var styles: [Role: Style] = [:]
        for (key, value) in table {
            guard let t = value.table else { continue }
            guard let role = Role(rawValue: key) else { throw ThemeError(message: "\(path): [\(key)]: unknown role (known: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))") }
            var st = Style()
            func colour(_ k: String) throws -> Int? {
                guard let v = t[k] else { return nil }
                if let i = v.int { guard (-1...255).contains(i) else { throw ThemeError(message: "\(path): [\(key)] \(k): \(i) is not 0–255") }; return i }
                if let s = v.string, let c = colourNames[s] { return c }
                throw ThemeError(message: "\(path): [\(key)] \(k): expected a colour name (\(colourNames.keys.sorted().joined(separator: ", "))) or 0–255")
            }
            st.fg8 = try colour("fg") ?? -1
            st.bg8 = try colour("bg") ?? -1
            st.fg256 = try colour("fg256") ?? -1
            st.bg256 = try colour("bg256") ?? -1
            let attrs = (t["attrs"]?.array.map { $0.compactMap { $0.string } }) ?? []
            let mono = (t["mono"]?.array.map { $0.compactMap { $0.string } }) ?? []
            for a in attrs + mono where !["bold", "reverse", "underline", "dim"].contains(a) {
                throw ThemeError(message: "\(path): [\(key)]: unknown attribute '\(a)' (bold, reverse, underline, dim)")
            }
            st.bold = attrs.contains("bold"); st.reverse = attrs.contains("reverse")
            st.underline = attrs.contains("underline"); st.dim = attrs.contains("dim")
            st.monoBold = mono.contains("bold"); st.monoReverse = mono.contains("reverse"); st.monoUnderline = mono.contains("underline")
            styles[role] = st
        }
        guard styles[.normal] != nil else { throw ThemeError(message: "\(path): [normal] is required") }
        return Theme(name: name, styles: styles)
    }

    /// A shipped theme by name.
    public static func builtin(_ name: String) -> Theme? {
        guard let text = BuiltinThemes.all[name] else { return nil }
        return try? parse(text, name: name, path: "themes/\(name).toml")
    }
}

public struct ThemeError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
