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
        var planner = try ImportPlanner(table: table, kind: kind, options: options)
        planner.progress = progress
        if dryRun {
            try store.refresh()
            return planner.plan(store.snapshot)
        }
        var plan = ImportPlan()
        // The planner checks every value with the store's FieldChecker on this same snapshot.
        try store.commit(fieldsChecked: true) { snapshot in
            plan = planner.plan(snapshot)
            if !plan.problems.isEmpty && !options.skipInvalid {
                throw ImportError.invalidRows(problems: Array(plan.problems.prefix(ImportError.shown)), total: plan.problems.count)
            }
            return plan.changes
        }
        return plan
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
