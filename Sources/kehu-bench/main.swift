#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KehuCore
import KehuStore

// kehu-bench: the performance benchmark of issue 9. See docs/performance.md.
//
//   swift run -c release kehu-bench --scale 100k        # table on stdout, JSON next to the data
//   swift run kehu-bench --quick                         # CI: checks that every step runs (no timing checks)

let usage = """
    usage: kehu-bench [--scale 10k|100k|1m] [--quick] [--dir DIR] [--json FILE] [--kehu PATH] [--fresh] [--only STEP,…]
      --scale   book size: 10k, 100k or 1m customers (10 transactions and 5 interactions each on average)
      --quick   a 300-customer run that checks every step works (for CI; timings are not judged)
      --dir     where the generated store and CSV files go (default .build/kehu-bench/SCALE; reused when present)
      --json    where to write the results (default DIR/kehu-bench-SCALE.json)
      --kehu    the kehu executable to time as a real process (default: the one next to kehu-bench, built if missing)
      --fresh   regenerate the data even when it is present
      --only    run only these steps (comma-separated; the data is still generated when missing):
                list (kehu list process), screen (first screen in a pty), check (kehu check),
                workstation (in process: open, model, filter, sort, detail), reports (analytics,
                segments, RFM, CLV, reminders, dedup), import (three CSVs), peers (sqlite3, fzf)
    """

var scaleName = "10k", quick = false, fresh = false
var dirOpt: String?, jsonOpt: String?, kehuOpt: String?
var only: Set<String>?
let stepNames: Set<String> = ["list", "screen", "check", "workstation", "reports", "import", "peers"]
var argv = Array(CommandLine.arguments.dropFirst())
while !argv.isEmpty {
    let a = argv.removeFirst()
    func value() -> String {
        guard !argv.isEmpty else { FileHandle.standardError.write(Data("kehu-bench: \(a) needs a value\n".utf8)); exit(2) }
        return argv.removeFirst()
    }
    switch a {
    case "--scale": scaleName = value()
    case "--quick": quick = true
    case "--fresh": fresh = true
    case "--dir": dirOpt = value()
    case "--json": jsonOpt = value()
    case "--kehu": kehuOpt = value()
    case "--only":
        let steps = Set(value().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        if let bad = steps.subtracting(stepNames).first {
            FileHandle.standardError.write(Data("kehu-bench: --only: no step '\(bad)' (steps: \(stepNames.sorted().joined(separator: ", ")))\n".utf8))
            exit(2)
        }
        only = steps
    case "-h", "--help": print(usage); exit(0)
    default: FileHandle.standardError.write(Data("kehu-bench: unknown argument '\(a)'\n\(usage)\n".utf8)); exit(2)
    }
}
let scales = ["10k": 10_000, "100k": 100_000, "1m": 1_000_000]
if quick { scaleName = "quick" }
guard let customers = quick ? 300 : scales[scaleName] else {
    FileHandle.standardError.write(Data("kehu-bench: --scale: expected 10k, 100k or 1m, not '\(scaleName)'\n".utf8))
    exit(2)
}
/// True when a step is to run (all of them without `--only`).
@MainActor func wants(_ step: String) -> Bool { only.map { $0.contains(step) } ?? true }
func log(_ s: String) { FileHandle.standardError.write(Data("kehu-bench: \(s)\n".utf8)) }

let dir = dirOpt ?? ".build/kehu-bench/\(scaleName)"
let workload = Workload(dir: dir, customers: customers)
if fresh { try? FileManager.default.removeItem(atPath: dir) }

do {
    var rows: [Row] = []
    var notMeasured: [String] = []

    // 1. The data: generated through the store's own bulk commit.
    let prep = try workload.prepare(log: log)
    if let s = prep.sample {
        rows.append(Row(measure: "bulk commit (demo generator → journal)", kehu: s.wall * 1000, kehuCPU: s.cpu * 1000, unit: "ms",
                        note: "\(prep.entries) journal entries in batches of ~5,000 customers, then a snapshot"))
    }
    let size = workload.storeSize()
    rows.append(Row(measure: "store size: journal.jsonl", kehu: Double(size.journal) / 1e6, unit: "MB"))
    rows.append(Row(measure: "store size: snapshot.bin", kehu: Double(size.snapshot) / 1e6, unit: "MB"))

    // 2. Real processes: the CLI and the workstation on a pseudo-terminal.
    let kehu = try KehuBinary.locate(kehuOpt, log: log)
    if let kehu {
        if wants("list") {
            let list = try Measure.run([kehu, "list", "--store", workload.storeDir, "--limit", "20", "--format", "csv"])
            if list.status != 0 { throw BenchError("kehu list failed (exit \(list.status))") }
            rows.append(Row(measure: "cold open, `kehu list --limit 20` (process)", kehu: list.wall * 1000, kehuCPU: list.cpu * 1000, unit: "ms"))
            rows.append(Row(measure: "peak RSS, `kehu list` (process)", kehu: Double(list.maxRSS) / 1e6, unit: "MB", target: "≤ 400 MB", targetValue: 400))
        }
        if wants("screen") { do {
            let screen = try PtyScreen.run(kehu: kehu, store: workload.storeDir, marker: "Name")
            rows.append(Row(measure: "cold open to first screen (workstation in a pty)", kehu: screen.firstScreen * 1000, unit: "ms",
                            target: "≤ 1000 ms", targetValue: 1000, note: "CPU of the workstation until stopped: \(Int(screen.cpu * 1000)) ms"))
            rows.append(Row(measure: "peak RSS, workstation with the store open", kehu: Double(screen.maxRSS) / 1e6, unit: "MB", target: "≤ 400 MB", targetValue: 400))
        } catch {
            notMeasured.append("first screen in a pty (\(error))")
        } }
        if wants("check") {
            let check = try Measure.run([kehu, "check", "--store", workload.storeDir])
            rows.append(Row(measure: "kehu check (replay + snapshot == replay)", kehu: check.wall * 1000, kehuCPU: check.cpu * 1000, unit: "ms",
                            note: check.status == 0 ? nil : "check FAILED (exit \(check.status))"))
            if check.status != 0 { throw BenchError("kehu check failed on the benchmark store") }
        }
    } else {
        notMeasured.append("real-process steps (no kehu executable)")
    }

    // 3. In process: the workstation's model, filtering, sorting, detail, reports, import.
    let queries: [(label: String, text: String)] = [("Chinese", "明远机械"), ("pinyin", "mingyuan"), ("Latin", "golden gate")]
    var inProcess = InProcess(workload: workload, queries: queries)
    let snapshot = try inProcess.run(workstation: wants("workstation"), reports: wants("reports"), log: log)
    if wants("import") { try inProcess.runImport(log: log) }
    rows += inProcess.rows
    notMeasured += inProcess.notMeasured

    // 4. Peers on the same data.
    func attach(_ prefix: String, peer: String, _ child: Measure.Child?) {
        guard let child else { return }
        for i in rows.indices where rows[i].measure.hasPrefix(prefix) {
            rows[i].peer = peer; rows[i].peerValue = child.wall * 1000; rows[i].peerCPU = child.cpu * 1000
        }
    }
    if !wants("peers") {
        // not asked for
    } else if let imp = try Peers.sqliteImport(workload) {
        attach("import three CSVs", peer: "sqlite3 .import", imp)
        attach("segment summary region × category (cold)", peer: "sqlite3 SQL", try Peers.sqliteSummary(workload))
    } else {
        notMeasured.append("sqlite3 peer (not installed: apt-get install sqlite3)")
    }
    if !wants("peers") {
        // not asked for
    } else if Measure.which("fzf") != nil {
        for (label, q) in queries { attach("filter keystroke p99, \(label)", peer: "fzf --filter (whole query)", try Peers.fzf(workload, query: q)) }
    } else {
        notMeasured.append("fzf peer (not installed: see docs/performance.md)")
    }
    if wants("peers") && Measure.which("vd") == nil { notMeasured.append("VisiData peer (not installed; the issue quotes ~4 s / ~450 MB)") }

    let report = Report(date: ISO8601DateFormatter().string(from: Date()), machine: Machine.describe(), scale: scaleName,
                        customers: snapshot.customers.count, transactions: snapshot.transactions.count,
                        interactions: snapshot.interactions.count, journalEntries: Int(snapshot.seq),
                        rows: rows, notMeasured: notMeasured)
    print(report.table(), terminator: "")
    fflush(nil)  // the table before the stderr log line
    let json = jsonOpt ?? (dir as NSString).appendingPathComponent("kehu-bench-\(scaleName).json")
    try report.json().write(to: URL(fileURLWithPath: json))
    log("wrote \(json)")
} catch {
    FileHandle.standardError.write(Data("kehu-bench: \(error)\n".utf8))
    exit(1)
}
