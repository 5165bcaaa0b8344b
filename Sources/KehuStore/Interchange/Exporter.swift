import Foundation
import KehuCore

/// The file formats of `kehu export`.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, xlsx, json
}

/// Turns a snapshot's records into a table (and a file) that `Importer` reads
/// back to the same data.
///
/// Customers are keyed by their external id (客户编号) — or their store id
/// (`C12`) where they have none — and contacts, transactions and interactions
/// name their customer by that same key, so the files can be imported into
/// another store in order (customers first). Columns are the field keys
/// (`--headers zh` writes the Chinese labels; the import understands both);
/// customers' custom fields follow as `custom.NAME`; createdAt/updatedAt are
/// written for reference and ignored by the import.
public enum Exporter {
    public static func table(_ kind: ImportKind, _ snapshot: Snapshot, chineseHeaders: Bool = false) -> DataTable {
        var columns = kind.columns
        var rows: [[String]] = []
        func key(_ cid: String) -> String { snapshot.customers[cid]?.externalId ?? cid }
        switch kind {
        case .customers:
            let custom = Set(snapshot.customers.values.flatMap { $0.custom.keys }).sorted()
            columns += custom.map { "custom." + $0 } + ["createdAt", "updatedAt"]
            let fields = kind.columns.compactMap(CustomerField.init(rawValue:))
            rows.reserveCapacity(snapshot.customers.count)
            for c in snapshot.customerList {
                var row = fields.map { f -> String in
                    switch f {
                    case .externalId: return c.externalId ?? c.id
                    case .tags: return c.tags.joined(separator: ", ")
                    case .locked: return c.locked ? "true" : ""
                    default: return c[f].stringValue ?? ""
                    }
                }
                row += custom.map { c.custom[$0] ?? "" }
                row += [c.createdAt.description, c.updatedAt.description]
                rows.append(row)
            }
        case .contacts, .transactions, .interactions:
            columns = ["id"] + columns
            let records: [(String, [String: Value])]
            switch kind {
            case .contacts: records = snapshot.contacts.values.map { ($0.id, $0.fieldValues) }
            case .transactions: records = snapshot.transactions.values.map { ($0.id, $0.fieldValues) }
            default: records = snapshot.interactions.values.map { ($0.id, $0.fieldValues) }
            }
            rows.reserveCapacity(records.count)
            for (id, values) in records.sorted(by: { idNumber($0.0) < idNumber($1.0) }) {
                var f = Exporter.strings(values); f["id"] = id
                rows.append(f.row(columns, customer: key))
            }
        }
        let header = chineseHeaders ? columns.map { $0 == "id" ? "编号" : kind.chineseHeader($0) } : columns
        return DataTable(source: kind.rawValue, header: header, rows: rows, lines: Array(2..<(rows.count + 2)))
    }

    static func strings(_ f: [String: Value]) -> [String: String] { f.compactMapValues { $0.stringValue } }

    /// The file's bytes.
    public static func data(_ kind: ImportKind, _ snapshot: Snapshot, format: ExportFormat,
                            encoding: TextEncoding = .utf8BOM, chineseHeaders: Bool = false) throws -> Data {
        let t = table(kind, snapshot, chineseHeaders: chineseHeaders)
        switch format {
        case .csv: return try CSVWriter(encoding: encoding).data(header: t.header, rows: t.rows)
        case .xlsx:
            let numeric: Set<String> = ["amount", "quantity", "employees", "credit"]
            let cols = Set(kind.columns.indices.filter { numeric.contains(kind.columns[$0]) }.map { $0 + (kind == .customers ? 0 : 1) })
            return try XLSXWriter(sheetName: kind.rawValue, numericColumns: cols).data(header: t.header, rows: t.rows)
        case .json:
            var out = "[\n"
            for (n, r) in t.rows.enumerated() {
                var pairs: [(key: String, value: Value)] = []
                for (k, h) in t.header.enumerated() where k < r.count && !r[k].isEmpty {
                    let col = kind == .customers || k > 0 ? t.header[k] : "id"
                    let v: Value = ["credit", "employees"].contains(col) ? (Int64(r[k]).map(Value.int) ?? .string(r[k]))
                        : (col == "tags" ? Value(r[k].components(separatedBy: ", ")) : .string(r[k]))
                    pairs.append((h, v))
                }
                out += "  "
                JSONText.writeObject(pairs, into: &out)
                out += n == t.rows.count - 1 ? "\n" : ",\n"
            }
            out += "]\n"
            return Data(out.utf8)
        }
    }
}

extension Dictionary where Key == String, Value == String {
    /// The cells of a child record in column order, its customer written as the customer's key.
    func row(_ columns: [String], customer key: (String) -> String) -> [String] {
        columns.map { $0 == "customer" ? key(self["customer"] ?? "") : (self[$0] ?? "") }
    }
}
