#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KehuCore
import KehuStore

/// The deterministic book of business the benchmark measures: the demo
/// generator (seeded; ~3% planted near-duplicates; mixed Chinese/English names;
/// every dictionary field; multi-line notes) committed into a real store, and
/// the same data as three CSV files for the import and for the peers.
#if canImport(Glibc)
/// glibc's `malloc_trim` (declared in <malloc.h>, which the Glibc module does not import).
@_silgen_name("malloc_trim") private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

struct Workload {
    static let seed: UInt64 = 2026
    /// A fixed "today", so that every run generates the same dates.
    static let today = LocalDate("2026-11-25")!

    let dir: String
    let customers: Int
    var storeDir: String { (dir as NSString).appendingPathComponent("store") }
    func csv(_ kind: ImportKind) -> String { (dir as NSString).appendingPathComponent("\(kind.rawValue).csv") }
    var namesFile: String { (dir as NSString).appendingPathComponent("names.txt") }

    /// Makes the store (unless one of this size is already there) and returns what making it cost.
    func prepare(log: (String) -> Void) throws -> (created: Bool, entries: Int, sample: Sample?) {
        let marker = (dir as NSString).appendingPathComponent("complete-\(customers)")
        if FileManager.default.fileExists(atPath: marker) { return (false, 0, nil) }
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        log("generating \(customers) customers into \(storeDir)")
        var entries = 0
        let (_, sample) = try Measure.time { () throws -> Void in
            let store = try FileStore.create(at: storeDir, user: "bench")
            var gen = DemoGenerator(seed: Workload.seed, customers: customers, today: Workload.today,
                                    owners: ["alice", "bob", "chenjing", "wangfang", "bench"])
            for batch in gen.batches(chunk: 5000) {
                try store.commit(batch)
                entries += batch.count
            }
            try store.writeSnapshot()
        }
        try writeCSVs(log: log)
        FileManager.default.createFile(atPath: marker, contents: Data())
        // Give the generator's memory back to the system: at 1m the heap had grown to 13 GB, and
        // the `kehu check` child (10 GB of its own) then ran the machine out of memory.
        #if canImport(Glibc)
        _ = glibcMallocTrim(0)
        #endif
        return (true, entries, sample)
    }

    /// customers.csv, transactions.csv, interactions.csv (UTF-8, no BOM, so sqlite3 reads the header as is)
    /// and names.txt (one customer name a line, for fzf).
    func writeCSVs(log: (String) -> Void) throws {
        let snapshot = try FileStore(path: storeDir).snapshot
        for kind in [ImportKind.customers, .transactions, .interactions] {
            var t = Exporter.table(kind, snapshot)
            // The store's own ids are not part of a spreadsheet to import: drop the id column.
            if let i = t.header.firstIndex(of: "id"), kind != .customers {
                t.header.remove(at: i)
                t.rows = t.rows.map { var r = $0; if i < r.count { r.remove(at: i) }; return r }
            }
            try CSVWriter(encoding: .utf8, escapeFormulas: false).data(header: t.header, rows: t.rows).write(to: URL(fileURLWithPath: csv(kind)))
            log("wrote \(csv(kind)) (\(t.rows.count) rows)")
        }
        let names = snapshot.customerList.map(\.name).joined(separator: "\n") + "\n"
        try names.write(toFile: namesFile, atomically: true, encoding: .utf8)
    }

    /// Bytes on disk of the store folder.
    func storeSize() -> (journal: Int, snapshot: Int) {
        func size(_ name: String) -> Int {
            var st = stat()
            return stat((storeDir as NSString).appendingPathComponent(name), &st) == 0 ? Int(st.st_size) : 0
        }
        return (size(FileStore.journalFile), size(FileStore.snapshotFile))
    }
}
