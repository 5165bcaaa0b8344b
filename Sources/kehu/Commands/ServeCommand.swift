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
        for sig in [SIGTERM, SIGINT, SIGHUP] { signal(sig, SIG_IGN) }
        let sources = [SIGTERM, SIGINT, SIGHUP].map { sig -> DispatchSourceSignal in
            let src = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            src.setEventHandler { server.stop(); Foundation.exit(0) }
            src.resume()
            return src
        }
        FileHandle.standardError.write(Data("kehu serve: \(store.path) on \(socket) as \(store.user)\n".utf8))
        try server.run()
        _ = sources
    }
}
