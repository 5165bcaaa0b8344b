import ArgumentParser
import Foundation
import KehuStore

/// `--store DIR`, shared by every subcommand. The store is `--store`, else
/// `$KEHU_STORE`, else `store` in the user's config file, else an error that
/// says how to make one.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store folder (default: $KEHU_STORE, then `store` in ~/.config/kehu/config.toml).", valueName: "DIR"))
    var store: String?

    /// The folder this invocation uses.
    func resolvedPath() throws -> String {
        if let s = store { return (s as NSString).expandingTildeInPath }
        if let e = ProcessInfo.processInfo.environment["KEHU_STORE"], !e.isEmpty { return (e as NSString).expandingTildeInPath }
        if let c = try UserConfig.load().store { return c }
        throw StoreError.noStore
    }

    /// Opens the store, printing any repair it made (a torn tail set aside) to stderr.
    func open() throws -> FileStore {
        let s = try FileStore(path: try resolvedPath())
        for w in s.warnings { warn(w) }
        return s
    }
}

/// Prints a one-line warning to stderr.
func warn(_ message: String) {
    FileHandle.standardError.write(Data(("kehu: " + message + "\n").utf8))
}
