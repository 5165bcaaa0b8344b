import ArgumentParser
import KehuStore

/// `kehu init DIR`: a new store with the seeded system dictionary.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a new, empty store.")

    @Argument(help: "The folder for the store (created if missing).") var dir: String

    func run() throws {
        let store = try FileStore.create(at: dir)
        print("created store \(store.path) (\(store.snapshot.dictionary.allEntries.count) dictionary entries); use it with --store \(store.path) or export KEHU_STORE=\(store.path)")
    }
}
