import ArgumentParser
import Foundation
import KehuCore
import KehuStore

/// `kehu import customers|contacts|transactions|interactions FILE [KIND FILE …]`:
/// CSV or XLSX in, one atomic write for all the files.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import customers, contacts, transactions or interactions from CSV or XLSX.",
        discussion: """
        Headers may be the field keys (name, region, …) or the Chinese labels (客户名称, 所属区域, …); \
        unknown columns become custom fields (custom.NAME) unless --strict. An id / 客户编号 column is the \
        customer's external id: contacts, transactions and interactions files name their customer by it \
        (column customer or 客户编号), and importing the same file again updates instead of copying.

        Every row is checked first: if any is invalid, each problem is listed as FILE:LINE: FIELD: reason \
        and nothing is written (or, with --skip-invalid, the valid rows are written and the others go to \
        a reject file). CSV encoding (UTF-8, UTF-8 with BOM, GB18030/GBK) and separator (comma, tab, \
        semicolon) are detected. Import customers before the files that refer to them.

        Several KIND FILE pairs are one import: all files or none are written, in one journal write with \
        one snapshot, each file seeing the records of the files before it (the fastest way to load a whole \
        book). --encoding, --sheet and --map then apply to every file.

        Examples:
          kehu import customers 客户.csv
          kehu import transactions sales.xlsx --sheet 2026 --map 单号=- --map 客户=customer
          kehu import customers 客户.csv transactions 交易.csv interactions 联系记录.csv
        """)

    @Argument(help: "What the file holds: customers, contacts, transactions or interactions.") var kind: ImportKindArgument
    @Argument(help: "A .csv/.tsv/.txt or .xlsx file.") var file: String
    @Argument(help: ArgumentHelp("More files to import in the same all-or-nothing write, as KIND FILE pairs.", valueName: "KIND FILE"))
    var more: [String] = []
    @Option(help: "CSV encoding: utf-8, utf-8-bom, gb18030 (= gbk), utf-16le (default: detected).") var encoding: String?
    @Option(help: "The XLSX sheet to read (default: the first).") var sheet: String?
    @Option(name: .customLong("map"), help: ArgumentHelp("Read column SRC as FIELD (a key, label or custom.NAME; - to ignore). Repeatable.", valueName: "SRC=FIELD"))
    var maps: [String] = []
    @Flag(help: "Refuse unknown columns instead of making custom fields.") var strict = false
    @Flag(help: "Check everything and report what would happen, but write nothing (exit 1 if rows are invalid).") var dryRun = false
    @Flag(help: "Write the valid rows; put the invalid ones, with reasons, in a reject file.") var skipInvalid = false
    @Flag(help: "Add values missing from the system dictionary instead of refusing them.") var addToDictionary = false
    @Option(help: ArgumentHelp("Where --skip-invalid writes rejected rows (default: FILE.rejected.csv; one file only).", valueName: "FILE")) var rejects: String?
    @OptionGroup var storeOptions: StoreOptions

    /// The KIND FILE pairs, in order.
    func files() throws -> [(kind: ImportKind, path: String)] {
        guard more.count % 2 == 0 else { throw ValidationError("'\(more.last!)': more files come as KIND FILE pairs (e.g. transactions sales.csv)") }
        var out = [(kind.value, file)]
        for k in stride(from: 0, to: more.count, by: 2) {
            guard let kind = ImportKindArgument(argument: more[k]) else {
                throw ValidationError("'\(more[k])' is not a kind: use customers, contacts, transactions or interactions")
            }
            out.append((kind.value, more[k + 1]))
        }
        if out.count > 1, rejects != nil { throw ValidationError("--rejects names one file: leave it out to write FILE.rejected.csv beside each file") }
        return out
    }

    func run() throws {
        var enc: TextEncoding?
        if let encoding {
            guard let e = TextEncoding(name: encoding) else { throw ValidationError("--encoding \(encoding): use utf-8, utf-8-bom, gb18030 or utf-16le") }
            enc = e
        }
        var mapping: [String: String] = [:]
        for m in maps {
            guard let eq = m.firstIndex(of: "=") else { throw ValidationError("--map \(m): expected SRC=FIELD") }
            mapping[String(m[..<eq]).trimmingCharacters(in: .whitespaces)] = String(m[m.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
        }
        let files = try files()
        let store = try storeOptions.open()
        // A file of more than ~2 MB (some 20,000 rows) is worth a word while it is read.
        let size = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1.path)[.size] as? Int) ?? 0) }
        let reading = ProgressBar("reading", total: size, minimum: 2 << 20)
        reading.status("reading \(files.map { ($0.path as NSString).lastPathComponent }.joined(separator: ", "))…")
        // Files are read side by side (reading is one thread per file).
        let read = Parallel.map(files.count) { k in
            Result { try Importer.readTable(path: files[k].path, encoding: enc, sheet: sheet, source: (files[k].path as NSString).lastPathComponent) }
        }
        reading.finish()
        var tables: [DataTable] = []
        for r in read {
            do { tables.append(try r.get()) } catch let e as InterchangeError { throw Failure.exit(e.description) }
        }
        let zone = store.config.timeZoneName.flatMap(TimeZone.init(identifier:)) ?? .current
        var options = ImportOptions(user: store.user, today: LocalDate.today(in: zone))
        options.timeZone = zone
        options.maps = mapping
        options.strict = strict
        options.skipInvalid = skipInvalid
        options.addToDictionary = addToDictionary
        let bars = tables.map { ProgressBar("importing \($0.source)", total: $0.rows.count) }
        let plans: [ImportPlan]
        do {
            plans = try Importer.run(store, files: zip(tables, files).map { ($0, $1.kind) }, options: options, dryRun: dryRun,
                                     progress: { k, done, total in bars[k].update(done, total) })
        } catch let e as ImportError {
            bars.forEach { $0.finish() }
            throw Failure.exit(e.description)
        }
        bars.forEach { $0.finish() }
        var failed = false
        for (k, plan) in plans.enumerated() {
            let table = tables[k]
            for n in plan.notes { warn(n) }
            if dryRun {
                for p in plan.problems.prefix(ImportError.shown) { print(p.description) }
                if plan.problems.count > ImportError.shown { print("… and \(plan.problems.count - ImportError.shown) more problems") }
            }
            var summary = "\(dryRun ? "would import" : "imported") \(table.source): \(plan.created) created, \(plan.updated) updated, \(plan.unchanged) unchanged"
            if !plan.rejectedRows.isEmpty { summary += ", \(plan.rejectedRows.count) \(dryRun ? "invalid" : "rejected")" }
            if !plan.dictionaryAdded.isEmpty { summary += "; dictionary: added \(plan.dictionaryAdded.joined(separator: ", "))" }
            print(summary)
            if !dryRun && skipInvalid && !plan.rejectedRows.isEmpty {
                let path = rejects ?? ((files[k].path as NSString).deletingPathExtension + ".rejected.csv")
                try Importer.rejects(plan, table: table).write(to: URL(fileURLWithPath: path))
                print("rejected rows with reasons: \(path)")
            }
            if !plan.problems.isEmpty { failed = true }
        }
        // A dry run that found problems fails like the real import would (scripts can test it first).
        if dryRun && failed && !skipInvalid { throw ExitCode(1) }
    }
}

/// The kind argument of import and export.
struct ImportKindArgument: ExpressibleByArgument {
    var value: ImportKind
    init?(argument: String) {
        let a = argument.lowercased()
        guard let k = ImportKind(rawValue: a) ?? ImportKind(rawValue: a + "s") ?? ["客户": ImportKind.customers, "联系人": .contacts, "交易": .transactions, "联系记录": .interactions][argument]
        else { return nil }
        value = k
    }
    static var allValueStrings: [String] { ImportKind.allCases.map(\.rawValue) }
}

/// A command's failure in one line (ArgumentParser prints it as `Error: …`).
struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }

    /// Prints a message of several lines on stderr as it is, and gives the exit code to throw.
    static func exit(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return ExitCode(1)
    }
}
