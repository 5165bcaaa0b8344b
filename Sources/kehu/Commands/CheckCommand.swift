import ArgumentParser
import KehuStore

/// `kehu check`: verify a store; exit non-zero when something is wrong.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Verify a store: parse, versions, snapshot == replay.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let path = try storeOptions.resolvedPath()
        let report = StoreChecker.check(path: path)
        for f in report.findings { print(f.description) }
        if report.ok {
            print("ok: \(path): \(report.entries) journal entries, \(report.customers) customers, \(report.records) records")
        } else {
            throw ExitCode(1)
        }
    }
}
