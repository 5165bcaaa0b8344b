import Foundation

/// The same data through the tools a user would otherwise reach for, in the
/// same run, where they are installed: sqlite3 (`.import` of the same CSVs, the
/// same region × category summary as SQL) and `fzf --filter` (the same queries).
enum Peers {
    static func sqliteImport(_ w: Workload) throws -> Measure.Child? {
        guard let sqlite = Measure.which("sqlite3") else { return nil }
        let db = (w.dir as NSString).appendingPathComponent("peer.sqlite")
        try? FileManager.default.removeItem(atPath: db)
        let script = ".mode csv\n.import \(w.csv(.customers)) customers\n.import \(w.csv(.transactions)) transactions\n.import \(w.csv(.interactions)) interactions\n"
        return try Measure.run([sqlite, db], input: script)
    }

    /// Revenue, transactions and customers per region × category, as `kehu report segments --by region,category`.
    static let segmentSQL = """
        SELECT c.region, c.category, COUNT(DISTINCT c.externalId), COUNT(*), SUM(CAST(t.amount AS REAL))
        FROM transactions t JOIN customers c ON c.externalId = t.customer
        GROUP BY c.region, c.category ORDER BY 5 DESC;
        """

    static func sqliteSummary(_ w: Workload) throws -> Measure.Child? {
        guard let sqlite = Measure.which("sqlite3") else { return nil }
        let db = (w.dir as NSString).appendingPathComponent("peer.sqlite")
        guard FileManager.default.fileExists(atPath: db) else { return nil }
        return try Measure.run([sqlite, db], input: segmentSQL)
    }

    /// One `fzf --filter QUERY < names.txt` run.
    static func fzf(_ w: Workload, query: String) throws -> Measure.Child? {
        guard let fzf = Measure.which("fzf") else { return nil }
        let names = (try? String(contentsOfFile: w.namesFile, encoding: .utf8)) ?? ""
        return try Measure.run([fzf, "--filter", query], input: names)
    }
}
