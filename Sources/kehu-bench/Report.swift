import Foundation
import KehuCore

/// One line of the benchmark's table (and one object of its JSON).
struct Row: Codable, Sendable {
    var measure: String
    /// Kehu's figure: wall time in ms, or a size in MB (see `unit`).
    var kehu: Double?
    /// CPU time in ms of the same step (this thread or the child process).
    var kehuCPU: Double?
    var unit: String
    var peer: String?
    var peerValue: Double?
    var peerCPU: Double?
    /// The target from issue 9, as text (`≤ 1000 ms`), and the number compared.
    var target: String?
    var targetValue: Double?
    var note: String?

    /// Kehu / peer (wall), when both exist.
    var ratio: Double? {
        guard let k = kehu, let p = peerValue, p > 0 else { return nil }
        return k / p
    }

    /// Whether the target is met, judged on the smaller of wall and CPU time: on a
    /// shared, loaded machine a one-thread step's wall time measures the other
    /// tenants too (CPU is the fair figure), while a step that uses every core
    /// (import, dedup) spends more CPU than the user waits (wall is).
    var met: Bool? {
        guard let t = targetValue, let w = kehu else { return nil }
        return min(w, kehuCPU ?? w) <= t
    }
}

struct Report: Codable, Sendable {
    var date: String
    var machine: String
    var scale: String
    var customers: Int
    var transactions: Int
    var interactions: Int
    var journalEntries: Int
    var rows: [Row]
    var notMeasured: [String]

    func table() -> String {
        func f(_ x: Double?, _ unit: String) -> String {
            guard let x else { return "—" }
            if unit == "MB" { return String(format: "%.1f", x) }
            return x >= 100 ? String(format: "%.0f", x) : String(format: "%.2f", x)
        }
        var lines: [[String]] = [["measure", "unit", "kehu wall", "kehu cpu", "peer", "peer wall", "ratio", "target", "met"]]
        for r in rows {
            lines.append([r.measure, r.unit, f(r.kehu, r.unit), f(r.kehuCPU, r.unit), r.peer ?? "", f(r.peerValue, r.unit),
                          r.ratio.map { String(format: "%.2f", $0) } ?? "", r.target ?? "", r.met.map { $0 ? "yes" : "NO" } ?? ""])
        }
        // Display widths, so that the Chinese queries in the measure names keep the columns aligned.
        let widths = (0..<lines[0].count).map { c in lines.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        var out = "kehu-bench \(scale): \(customers) customers, \(transactions) transactions, \(interactions) interactions, \(journalEntries) journal entries\n"
        out += "\(date) on \(machine)\n"
        for (n, l) in lines.enumerated() {
            out += l.enumerated().map { c, s in TextFit.fit(s, widths[c], c < 2 || c == 4 || c == 7 ? .left : .right) }.joined(separator: "  ") + "\n"
            if n == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        for r in rows where r.note != nil { out += "  \(r.measure): \(r.note!)\n" }
        if !notMeasured.isEmpty { out += "not measurable in this tree: " + notMeasured.joined(separator: "; ") + "\n" }
        return out
    }

    func json() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try e.encode(self)
    }
}
