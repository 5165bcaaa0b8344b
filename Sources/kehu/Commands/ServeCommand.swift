import ArgumentParser
import Foundation
import KehuStore

/// `kehu serve`: the team-mode daemon (see docs/deploy.md).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve a team store over a Unix socket (run as the store's system user).")

    @Option(help: ArgumentHelp("The socket to listen on.", valueName: "PATH")) var socket = "/run/kehu/kehu.sock"
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.openFile()
        let server = StoreServer(store: store, socketPath: socket)
        try server.start()
        // SIGTERM/SIGINT/SIGHUP: remove the socket and exit. Every acknowledged write
        // is already fsynced, and an interrupted one is a torn tail the next open sets aside.
        serveSocketPath = strdup(socket)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in [SIGTERM, SIGINT, SIGHUP] {
            sigaddset(&unblock, sig)
            signal(sig) { _ in
                if let p = serveSocketPath { unlink(p) }
                _exit(0)
            }
        }
        // A parent (a test runner, a shell) may have left these blocked.
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        FileHandle.standardError.write(Data("kehu serve: \(store.path) on \(socket) as \(store.user)\n".utf8))
        try server.run()
    }
}

/// The socket path for the signal handler (async-signal-safe: a C string, set once before serving).
nonisolated(unsafe) var serveSocketPath: UnsafeMutablePointer<CChar>?
