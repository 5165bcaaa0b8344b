import KehuCore
import KehuStore

/// Rows with named columns, rendered as an aligned table, CSV or JSON.
///
/// The one place every listing and report goes through, so `--format` means
/// the same everywhere. Table cells are aligned by display width (CJK = 2
/// columns) and control characters are made visible, since the data may come
/// from anyone's import.
struct Table {
    var columns: [String]
    var rows: [[String]]
    /// Columns whose values are numbers: right-aligned in tables, bare in JSON.
    var numeric: Set<String> = []

    init(columns: [String], rows: [[String]], numeric: Set<String> = []) {
        self.columns = columns; self.rows = rows; self.numeric = numeric
    }

    func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: return renderTable()
        case .csv: return renderCSV()
        case .json: return renderJSON()
        }
    }

    private func renderTable() -> String {
        let clean = rows.map { $0.map { TerminalText.line($0) } }
        var widths = columns.map { DisplayWidth.of($0) }
        for r in clean { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
        var out = ""
        func line(_ cells: [String]) {
            var l = ""
            for (i, c) in cells.enumerated() where i < widths.count {
                let padding = String(repeating: " ", count: widths[i] - DisplayWidth.of(c))
                if i > 0 { l += "  " }
                l += numeric.contains(columns[i]) ? padding + c : c + (i == cells.count - 1 ? "" : padding)
            }
            out += l + "\n"
        }
        line(columns)
        line(widths.map { String(repeating: "─", count: $0) })
        for r in clean { line(r) }
        return out
    }

    private func renderCSV() -> String {
        var out = columns.map(Table.csvField).joined(separator: ",") + "\n"
        for r in rows { out += r.map(Table.csvField).joined(separator: ",") + "\n" }
        return out
    }

    static func csvField(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    private func renderJSON() -> String {
        var out = "[\n"
        for (n, r) in rows.enumerated() {
            var pairs: [(key: String, value: Value)] = []
            for (i, c) in columns.enumerated() {
                let cell = i < r.count ? r[i] : ""
                if numeric.contains(c), let v = Int64(cell) { pairs.append((c, .int(v))) }
                else if cell.isEmpty { pairs.append((c, .null)) }
                else { pairs.append((c, .string(cell))) }
            }
            out += "  "
            JSONText.writeObject(pairs, into: &out)
            out += n == rows.count - 1 ? "\n" : ",\n"
        }
        return out + "]\n"
    }
}
