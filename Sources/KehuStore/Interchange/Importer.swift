import Foundation
import KehuCore

/// Imports a spreadsheet into a store.
///
/// Pipeline: read the file (`CSVReader` or `XLSXReader`, by content) → map
/// the header (`ColumnMap`) → plan and validate every row against the latest
/// snapshot inside ONE `store.commit`, under the write lock (`ImportPlanner`) →
/// either the whole batch is written, or, when any row is invalid, nothing is
/// (unless `skipInvalid`, which writes the valid rows and leaves the others for
/// a reject file). A dry run plans against the current snapshot and writes nothing.
public enum Importer {
    /// Reads a CSV/TSV or XLSX file (an XLSX is recognised by its ZIP signature too).
    public static func readTable(path: String, encoding: TextEncoding? = nil, sheet: String? = nil,
                                 source: String? = nil) throws -> DataTable {
        let src = source ?? path
        let url = URL(fileURLWithPath: path)
        let data: Data
        do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch {
            throw StoreError.io(path: src, message: (error as NSError).localizedDescription)
        }
        let isZip = data.starts(with: [0x50, 0x4B, 0x03, 0x04])
        if isZip || url.pathExtension.lowercased() == "xlsx" {
            return try XLSXReader().read(url, sheet: sheet, source: src)
        }
        return try CSVReader(encoding: encoding).read([UInt8](data), source: src)
    }

    /// Plans and, unless `dryRun`, commits an import.
    /// - Returns: the plan (counts, notes, and with `skipInvalid` the rejected rows).
    /// - Throws: `ImportError.invalidRows` (nothing written) when rows are invalid and
    ///   `skipInvalid` is off; `ImportError.columns` for an unusable header; store errors.
    public static func run(_ store: Store, table: DataTable, kind: ImportKind, options: ImportOptions,
                           dryRun: Bool = false, progress: ((Int, Int) -> Void)? = nil) throws -> ImportPlan {
        try run(store, files: [(table, kind)], options: options, dryRun: dryRun, progress: progress.map { p in { _, d, t in p(d, t) } })[0]
    }

    /// Plans and, unless `dryRun`, commits several files as ONE import: all of
    /// them or nothing, one journal write, one snapshot. Each file is planned
    /// against the state after the files before it, so a transactions file may
    /// name customers that the customers file before it creates.
    /// - Parameter progress: (file index, rows done, rows in that file).
    /// - Returns: a plan per file. Throws as `run(_:table:…)`; `ImportError.invalidRows` lists the
    ///   bad rows of every file, in file order.
    public static func run(_ store: Store, files: [(table: DataTable, kind: ImportKind)], options: ImportOptions,
                           dryRun: Bool = false, progress: ((Int, Int, Int) -> Void)? = nil) throws -> [ImportPlan] {
        var planners = try files.map { try ImportPlanner(table: $0.table, kind: $0.kind, options: options) }
        for k in planners.indices { planners[k].progress = progress.map { p in { p(k, $0, $1) } } }
        var plans = [ImportPlan](repeating: ImportPlan(), count: files.count)
        // The planner checks every value with the store's FieldChecker on the very snapshot it is given.
        // Bad rows of every file are reported together: the files after one with bad rows are
        // still planned (on its valid rows), and the last one refuses the whole import.
        func build(_ k: Int, _ snapshot: Snapshot) throws -> RecordBatch {
            plans[k] = planners[k].plan(snapshot)
            let problems = options.skipInvalid ? [] : plans[..<(k + 1)].flatMap(\.problems)
            if k == files.count - 1 && !problems.isEmpty {
                throw ImportError.invalidRows(problems: Array(problems.prefix(ImportError.shown)), total: problems.count)
            }
            return plans[k].batch
        }
        if dryRun {
            try store.refresh()
            var working = store.snapshot
            for k in files.indices {
                plans[k] = planners[k].plan(working)
                guard k + 1 < files.count else { break }
                // Later files see this one's records, as they would in the real import.
                var batch = plans[k].batch
                try? working.apply(&batch, at: .now, by: store.user)
            }
            return plans
        }
        try store.commitBatches(fieldsChecked: true, files.indices.map { k in { try build(k, $0) } })
        return plans
    }

    /// The rejected rows as they were, plus `line` and `problems` columns, as a
    /// UTF-8 CSV with a BOM (opens in Excel): fix it and import it again.
    public static func rejects(_ plan: ImportPlan, table: DataTable) throws -> Data {
        var byLine: [Int: [String]] = [:]
        for p in plan.problems { byLine[p.line, default: []].append("\(p.field): \(p.reason)") }
        let rows = plan.rejectedRows.map { r -> [String] in
            var row = table.rows[r]
            if row.count < table.header.count { row += Array(repeating: "", count: table.header.count - row.count) }
            return row + [String(table.lines[r]), (byLine[table.lines[r]] ?? []).joined(separator: "; ")]
        }
        return try CSVWriter(encoding: .utf8BOM).data(header: table.header + ["line", "problems"], rows: rows)
    }
}
