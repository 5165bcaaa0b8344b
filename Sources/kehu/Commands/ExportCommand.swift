import ArgumentParser
import Foundation
import KehuCore
import KehuStore

/// `kehu export customers|contacts|transactions|interactions`: CSV, XLSX or JSON out.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export customers, contacts, transactions or interactions as CSV, XLSX or JSON.",
        discussion: """
        CSV is written as UTF-8 with a BOM (or GB18030) so that Chinese Excel opens it without mojibake; \
        cells a spreadsheet would run as formulas (=, +, -, @, tab, CR) are escaped with a leading ', and \
        XLSX cells are plain text. kehu import reads these files back to the same data.

        Examples:
          kehu export customers --out 客户.xlsx
          kehu export transactions --encoding gb18030 --out sales.csv
        """)

    @Argument(help: "customers, contacts, transactions or interactions.") var kind: ImportKindArgument
    @Option(help: "csv, xlsx or json (default: from --out's extension, else csv).") var format: String?
    @Option(help: "CSV encoding: utf-8-bom (default), gb18030, utf-8.") var encoding = "utf-8-bom"
    @Option(help: ArgumentHelp("The file to write (default: standard output).", valueName: "FILE")) var out: String?
    @Option(help: "Header language: en (field keys, default) or zh (Chinese labels).") var headers = "en"
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let fmtText = format ?? out.map { ($0 as NSString).pathExtension.lowercased() }.flatMap { ExportFormat(rawValue: $0) }?.rawValue ?? "csv"
        guard let fmt = ExportFormat(rawValue: fmtText.lowercased()) else { throw ValidationError("--format \(fmtText): use csv, xlsx or json") }
        guard let enc = TextEncoding(name: encoding) else { throw ValidationError("--encoding \(encoding): use utf-8-bom, gb18030 or utf-8") }
        guard headers == "en" || headers == "zh" else { throw ValidationError("--headers: en or zh") }
        if out == nil, fmt == .xlsx, isatty(STDOUT_FILENO) == 1 { throw ValidationError("an XLSX file is binary: give --out FILE.xlsx (or redirect standard output)") }
        let store = try storeOptions.open()
        let data = try Exporter.data(kind.value, store.snapshot, format: fmt, encoding: enc, chineseHeaders: headers == "zh")
        if let out {
            try data.write(to: URL(fileURLWithPath: (out as NSString).expandingTildeInPath), options: .atomic)
            let count: Int
            switch kind.value {
            case .customers: count = store.snapshot.customers.count
            case .contacts: count = store.snapshot.contacts.count
            case .transactions: count = store.snapshot.transactions.count
            case .interactions: count = store.snapshot.interactions.count
            }
            FileHandle.standardError.write(Data("kehu: wrote \(count) \(kind.value.rawValue) to \(out)\n".utf8))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
