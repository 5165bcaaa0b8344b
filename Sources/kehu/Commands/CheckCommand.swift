import ArgumentParser
import KehuStore

/// `kehu check`: verify a store; exit non-zero when something is wrong.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Verify a store: parse, versions, snapshot == replay.")

    @Flag(help: "Also report data quality: missing and invalid fields, values outside the dictionary, stale customers, likely duplicates.") var data = false
    @Option(help: "With --data: table (summary and examples), csv or json (every finding).") var format: OutputFormat = .table
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let path = try storeOptions.resolvedPath()
        let report = StoreChecker.check(path: path)
        for f in report.findings { print(f.description) }
        if report.ok {
            if data { try DataCheck.run(storeOptions, format: format); return }
            print("ok: \(path): \(report.entries) journal entries, \(report.customers) customers, \(report.records) records")
        } else {
            throw ExitCode(1)
        }
    }
}
