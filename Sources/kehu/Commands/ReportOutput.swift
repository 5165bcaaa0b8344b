import Foundation
import KehuCore
import KehuStore

/// Number formatting and JSON for the report commands.
///
/// People get `¥1,234.50`, `12.3%` and `+25.0%`; scripts (CSV, JSON) get plain
/// numbers: money in yuan with two decimals, shares and changes as fractions.
/// `Table` writes JSON numbers only for integers, so reports render JSON here to
/// keep fractional columns numeric.
enum ReportOutput {
    static func money(_ minor: Int64, _ human: Bool) -> String {
        human ? Money(minor: minor).formatted : Money(minor: minor).plain
    }

    static func money(major: Double?, _ human: Bool) -> String {
        guard let major, major.isFinite else { return "" }
        return money(Int64((major * 100).rounded()), human)
    }

    static func fraction(_ x: Double?, _ human: Bool, signed: Bool = false, digits: Int = 1) -> String {
        guard let x, x.isFinite else { return human ? "—" : "" }
        if !human { return String(format: "%.4f", x) }
        return String(format: signed ? "%+.\(digits)f%%" : "%.\(digits)f%%", x * 100)
    }

    static func number(_ x: Double?, _ digits: Int) -> String {
        guard let x, x.isFinite else { return "" }
        return String(format: "%.\(digits)f", x)
    }

    /// Prints a table in the chosen format; JSON with numeric columns as numbers.
    static func print(_ table: Table, _ format: OutputFormat) {
        Swift.print(format == .json ? json(table) : table.render(format), terminator: "")
    }

    static func json(_ table: Table) -> String {
        var out = "[\n"
        for (n, row) in table.rows.enumerated() {
            out += "  " + object(table.columns.enumerated().map { i, c in
                (c, i < row.count ? row[i] : "", table.numeric.contains(c))
            })
            out += n == table.rows.count - 1 ? "\n" : ",\n"
        }
        return out + "]\n"
    }

    /// `{"k": v, …}`: numeric cells that are JSON numbers go out bare, empty cells as null.
    static func object(_ cells: [(key: String, value: String, numeric: Bool)]) -> String {
        var out = "{"
        for (i, c) in cells.enumerated() {
            if i > 0 { out += ", " }
            JSONText.writeString(c.key, into: &out)
            out += ": "
            if c.value.isEmpty { out += "null" }
            else if c.numeric && isJSONNumber(c.value) { out += c.value }
            else { JSONText.writeString(c.value, into: &out) }
        }
        return out + "}"
    }

    static func isJSONNumber(_ s: String) -> Bool {
        guard let d = Double(s), d.isFinite, let first = s.first else { return false }
        return first == "-" || first.isNumber
    }
}
