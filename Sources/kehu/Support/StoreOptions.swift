import ArgumentParser
import Foundation
import KehuStore

/// `--store DIR`, shared by every subcommand. The store is `--store`, else
/// `$KEHU_STORE`, else `store` in the user's config file, else an error that
/// says how to make one.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store folder (default: $KEHU_STORE, then `store` in ~/.config/kehu/config.toml).", valueName: "DIR"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp("Use a team store through `kehu serve` at this socket (default: `server` in ~/.config/kehu/config.toml, or $KEHU_SERVER).", valueName: "PATH"))
    var server: String?

    /// The socket of a team store, if this invocation uses one (a --store given explicitly wins).
    func serverPath() throws -> String? {
        if let server { return server }
        if store != nil { return nil }
        if let e = ProcessInfo.processInfo.environment["KEHU_SERVER"], !e.isEmpty { return e }
        if ProcessInfo.processInfo.environment["KEHU_STORE"].map({ !$0.isEmpty }) == true { return nil }
        return try UserConfig.load().server
    }

    /// The folder this invocation uses.
    func resolvedPath() throws -> String {
        if let s = store { return (s as NSString).expandingTildeInPath }
        if let e = ProcessInfo.processInfo.environment["KEHU_STORE"], !e.isEmpty { return (e as NSString).expandingTildeInPath }
        if let c = try UserConfig.load().store { return c }
        throw StoreError.noStore
    }

    /// Opens the store: through `kehu serve` in team mode, else the folder
    /// directly, printing any repair it made (a torn tail set aside) to stderr.
    func open() throws -> any Store {
        if let socket = try serverPath() { return try RemoteStore(socketPath: socket) }
        return try openFile()
    }

    /// Opens the store folder directly (commands that need the files: check, backup, serve).
    func openFile() throws -> FileStore {
        let s = try FileStore(path: try resolvedPath())
        for w in s.warnings { warn(w) }
        return s
    }
}

/// Prints a one-line warning to stderr.
func warn(_ message: String) {
    FileHandle.standardError.write(Data(("kehu: " + message + "\n").utf8))
}

/// The kernel-verified login of this process.
func currentLogin() -> String {
    guard let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name else { return "uid\(geteuid())" }
    return String(cString: name)
}
