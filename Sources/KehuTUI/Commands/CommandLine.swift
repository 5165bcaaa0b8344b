import KehuCore

/// The `:` command line: any command id from the table, plus a few commands
/// that take an argument.
public enum CommandLine {
    public enum Parsed: Equatable {
        case command(CommandID)
        case sort(ListColumn)
        case filter(String)
        case goto(String)
        case lang(Language)
        case theme(String)
        case unknown
    }

    static let aliases: [String: CommandID] = ["q": .quit, "quit": .quit, "h": .help, "add": .customerAdd, "edit": .customerEdit, "log": .interactionLog,
                                                 "duplicates": .paneDuplicates, "dedup": .paneDuplicates]
    static let withArgument = ["sort", "filter", "goto", "lang", "theme"]

    public static func parse(name: String, arg: String) -> Parsed {
        if let id = CommandID(rawValue: name) ?? aliases[name] { return .command(id) }
        switch name {
        case "sort":
            let a = arg.lowercased()
            if let c = ListColumn(rawValue: arg) ?? ListColumn.allCases.first(where: { $0.rawValue.lowercased() == a || $0.label.zh == arg || $0.label.en.lowercased() == a }) {
                return .sort(c)
            }
            return .unknown
        case "filter": return .filter(arg)
        case "goto": return arg.isEmpty ? .unknown : .goto(arg)
        case "lang": return Language(rawValue: arg).map(Parsed.lang) ?? .unknown
        case "theme": return arg.isEmpty ? .unknown : .theme(arg)
        default: return .unknown
        }
    }

    /// Names that start with what was typed (Tab completion).
    public static func completions(_ prefix: String) -> [String] {
        let names = CommandID.allCases.map(\.rawValue) + withArgument
        return names.filter { $0.hasPrefix(prefix) }.sorted()
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var p = words.first else { return "" }
        for w in words.dropFirst() { while !w.hasPrefix(p) { p.removeLast() } }
        return p
    }
}
