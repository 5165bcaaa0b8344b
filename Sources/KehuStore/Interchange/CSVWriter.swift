import Foundation

/// Writes RFC 4180 CSV the way Excel reads it: CR LF line ends, fields quoted
/// only when they hold the separator, a quote or a line break, formula-like
/// cells escaped (`FormulaEscape`), and an encoding Chinese Excel opens without
/// mojibake (UTF-8 with a BOM, or GB18030).
public struct CSVWriter: Sendable {
    public var delimiter: Character = ","
    public var encoding: TextEncoding = .utf8BOM
    public var escapeFormulas = true

    public init(delimiter: Character = ",", encoding: TextEncoding = .utf8BOM, escapeFormulas: Bool = true) {
        self.delimiter = delimiter; self.encoding = encoding; self.escapeFormulas = escapeFormulas
    }

    /// The CSV text of a header and rows (no BOM; `data` adds it).
    public func text(header: [String], rows: [[String]]) -> String {
        var out = ""
        out.reserveCapacity((rows.count + 1) * 64)
        append(header, to: &out)
        for r in rows { append(r, to: &out) }
        return out
    }

    /// The encoded file.
    public func data(header: [String], rows: [[String]]) throws -> Data {
        try encoding.encode(text(header: header, rows: rows))
    }

    func append(_ row: [String], to out: inout String) {
        let sep = delimiter.asciiValue ?? 44
        for (k, raw) in row.enumerated() {
            if k > 0 { out.append(delimiter) }
            let v = escapeFormulas ? FormulaEscape.escape(raw) : raw
            if v.utf8.contains(where: { $0 == sep || $0 == 34 || $0 == 10 || $0 == 13 }) {
                out.append("\"")
                out.append(v.replacingOccurrences(of: "\"", with: "\"\""))
                out.append("\"")
            } else {
                out.append(v)
            }
        }
        out.append("\r\n")
    }
}
