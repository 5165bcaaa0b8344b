import ArgumentParser
import KehuCore
import KehuStore

/// `kehu dictionary`: the system dictionary (系统字典).
struct DictionaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dictionary", abstract: "Show or edit the system dictionary (系统字典).",
                                                    subcommands: [List.self, Add.self, Retire.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List dictionary entries.")
        @Argument(help: "Only this list: \(DictionaryKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: DictionaryKind?
        @Option(help: "table, csv or json.") var format: OutputFormat = .table
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let s = try storeOptions.open().snapshot
            let entries = s.dictionary.allEntries.filter { kind == nil || $0.kind == kind }
            let rows = entries.map { [$0.kind.rawValue, $0.code, $0.label.zh, $0.label.en, $0.cycleDays.map(String.init) ?? "", $0.retired ? "yes" : ""] }
            print(Table(columns: ["kind", "code", "zh", "en", "cycleDays", "retired"], rows: rows, numeric: ["cycleDays"]).render(format), terminator: "")
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add or relabel an entry.")
        @Argument(help: "The list.") var kind: DictionaryKind
        @Argument(help: "The code records store (usually the Chinese label).") var code: String
        @Option(help: "Chinese label (default: the code).") var zh: String?
        @Option(help: "English label (default: the code).") var en: String?
        @Option(help: "Cycle in days (strategies only).") var cycle: Int?
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try storeOptions.open()
            try store.commit { s in
                let id = "\(kind.rawValue)/\(code)"
                var f: [String: Value] = [:]
                if let zh { f["zh"] = .string(zh) }
                if let en { f["en"] = .string(en) }
                if let cycle { f["cycleDays"] = .int(Int64(cycle)) }
                if let v = s.version(entity: "dictionary", id: id) { return [.update(.dictionary, id: id, base: v, f)] }
                if f["zh"] == nil { f["zh"] = .string(code) }
                if f["en"] == nil { f["en"] = .string(code) }
                return [.create(.dictionary, id: id, f)]
            }
            print("\(kind.rawValue)/\(code) saved")
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "retire", abstract: "Stop offering an entry (records that use it stay valid).")
        @Argument(help: "The list.") var kind: DictionaryKind
        @Argument(help: "The code.") var code: String
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try storeOptions.open()
            try store.commit { s in
                let id = "\(kind.rawValue)/\(code)"
                guard let v = s.version(entity: "dictionary", id: id) else { throw FieldInput.Problem(description: "dictionary \(id): not found") }
                return [.update(.dictionary, id: id, base: v, ["retired": .bool(true)])]
            }
            print("\(kind.rawValue)/\(code) retired")
        }
    }
}

extension DictionaryKind: ExpressibleByArgument {}
