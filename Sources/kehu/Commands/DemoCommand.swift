import ArgumentParser
import Foundation
import KehuCore
import KehuStore

/// `kehu demo`: a deterministic demo store, then the workstation on it.
///
/// Without `--store` the demo lives in the user's cache folder and is reused,
/// so `swift run kehu demo` is instant the second time.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Create (or reuse) a demo store and open it.")

    @Option(help: ArgumentHelp("Where to put the demo (default: a per-user cache folder).", valueName: "DIR")) var store: String?
    @Option(help: "How many customers.") var customers = 2000
    @Option(help: "Random seed (the same seed gives the same demo).") var seed: UInt64 = 1
    @Flag(help: "Create the store but do not open the workstation.") var noOpen = false
    @Option(help: "UI language: zh or en.") var lang: String?
    @Option(help: "Colour theme.") var theme: String?

    func validate() throws {
        guard customers >= 1, customers <= 2_000_000 else { throw ValidationError("--customers: 1 to 2,000,000") }
    }

    static func defaultFolder(seed: UInt64, customers: Int) -> String {
        let base = ProcessInfo.processInfo.environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".cache")
        return (base as NSString).appendingPathComponent("kehu/demo-\(customers)-\(seed)")
    }

    func run() throws {
        let dir = store.map { ($0 as NSString).expandingTildeInPath } ?? DemoCommand.defaultFolder(seed: seed, customers: customers)
        let journal = (dir as NSString).appendingPathComponent(FileStore.journalFile)
        let s: FileStore
        if FileManager.default.fileExists(atPath: journal) {
            s = try FileStore(path: dir)
            for w in s.warnings { warn(w) }
            FileHandle.standardError.write(Data("kehu: using the demo store in \(dir) (\(s.snapshot.customers.count) customers)\n".utf8))
        } else {
            s = try FileStore.create(at: dir)
            try DemoCommand.fill(s, customers: customers, seed: seed)
            FileHandle.standardError.write(Data("kehu: created a demo store in \(dir): \(s.snapshot.customers.count) customers, \(s.snapshot.transactions.count) transactions, \(s.snapshot.interactions.count) interactions\n".utf8))
        }
        if !noOpen { try openWorkstation(s, lang: lang, theme: theme) }
    }

    /// Writes the demo data; the current user is one of the owners, so "my customers" is not empty.
    static func fill(_ store: FileStore, customers: Int, seed: UInt64, today: LocalDate? = nil) throws {
        var owners = ["alice", "bob", "chenjing", "wangfang"]
        if !owners.contains(store.user) { owners.insert(store.user, at: 0) }
        var gen = DemoGenerator(seed: seed, customers: customers, today: today ?? LocalDate.today(in: .current), owners: owners)
        for batch in gen.batches(chunk: 5000) { try store.commit(batch) }
        try store.writeSnapshot()
    }
}
