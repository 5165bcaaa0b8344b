import Foundation
import KehuCore
import KehuStore
import KehuTUI

/// The steps measured inside this process, through the same types the
/// workstation and the reports use (no copies of their logic).
struct InProcess {
    let workload: Workload
    let queries: [(label: String, text: String)]
    var rows: [Row] = []
    var notMeasured: [String] = []

    static func ms(_ s: Sample) -> (Double, Double) { (s.wall * 1000, s.cpu * 1000) }

    mutating func add(_ measure: String, _ s: Sample, target: Double? = nil, note: String? = nil) {
        let (w, c) = Self.ms(s)
        rows.append(Row(measure: measure, kehu: w, kehuCPU: c, unit: "ms", target: target.map { "≤ \(Int($0)) ms" }, targetValue: target, note: note))
    }

    /// - Parameters: workstation, reports: which groups of steps to run (`--only`); the store is always opened.
    mutating func run(workstation: Bool = true, reports: Bool = true, log: (String) -> Void) throws -> Snapshot {
        let (store, open) = try Measure.time { try FileStore(path: workload.storeDir, user: "bench") }
        add("open store (in process)", open)
        let snapshot = store.snapshot
        if workstation { runWorkstation(snapshot) }
        if reports { try runReports(snapshot) }
        return snapshot
    }

    /// The first screen's model, filtering, sorting and the detail pane.
    mutating func runWorkstation(_ snapshot: Snapshot) {

        // The first screen's model: follow-ups, the list rows and search index, the drawn frame.
        let clock = Clock(now: Timestamp(millis: Int64(Workload.today.days) * 86_400_000 + 9 * 3_600_000), timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        var (state, build) = Measure.time {
            AppState(snapshot: snapshot, user: "bench", storeName: "bench", lang: .zh, clock: clock, width: 120, height: 40)
        }
        add("workstation model (list rows, follow-ups; first screen)", build)
        let (_, frame) = Measure.time { _ = Screen.render(state) }
        add("draw one frame (120×40)", frame)
        // The search index is built on its own thread after the rows; the first keystroke
        // of a filter waits for it. Here: until it is ready, counted from the model's start.
        let (_, index) = Measure.time { _ = state.table.index.count }
        add("search index ready (background, after the first screen)", Sample(wall: build.wall + frame.wall + index.wall, cpu: build.cpu + frame.cpu + index.cpu),
            note: "wall from the start of the model; the first screen does not wait for it")

        // Filter as you type: one key at a time through the reducer, each followed by a frame.
        for (label, q) in queries {
            var s = state
            _ = Reducer.reduce(&s, .key(.char("/")))
            var per: [Double] = [], perCPU: [Double] = []
            for ch in q {
                let (_, k) = Measure.time { _ = Reducer.reduce(&s, .key(.char(ch))); _ = Screen.render(s) }
                per.append(k.wall * 1000); perCPU.append(k.cpu * 1000)
            }
            rows.append(Row(measure: "filter keystroke p50, \(label) '\(q)'", kehu: Measure.percentile(per, 50), kehuCPU: Measure.percentile(perCPU, 50),
                            unit: "ms", note: "\(s.visible.count) matches after the last key"))
            rows.append(Row(measure: "filter keystroke p99, \(label) '\(q)'", kehu: Measure.percentile(per, 99), kehuCPU: Measure.percentile(perCPU, 99),
                            unit: "ms", target: "≤ 30 ms", targetValue: 30))
        }

        // Sort by a column (amount, descending) and back.
        let (_, sort) = Measure.time { state.table.setSort(.amount, descending: true, dictionary: snapshot.dictionary, lang: .zh) }
        add("sort by amount", sort)
        let (_, sortName) = Measure.time { state.table.setSort(.name, descending: false, dictionary: snapshot.dictionary, lang: .zh) }
        add("sort by name", sortName)

        // Opening the detail pane: the customers with the most transactions (the worst case).
        let heavy = snapshot.metrics.sorted { $0.value.count > $1.value.count }.prefix(50).compactMap { snapshot.customers[$0.key] }
        var detail: [Double] = [], detailCPU: [Double] = []
        for c in heavy {
            let (_, d) = Measure.time { _ = DetailModel.lines(c, state: state, width: 60) }
            detail.append(d.wall * 1000); detailCPU.append(d.cpu * 1000)
        }
        rows.append(Row(measure: "detail pane open p99 (50 busiest customers)", kehu: Measure.percentile(detail, 99), kehuCPU: Measure.percentile(detailCPU, 99),
                        unit: "ms", target: "≤ 10 ms", targetValue: 10))
    }

    /// Reports over the whole book.
    mutating func runReports(_ snapshot: Snapshot) throws {
        let from = LocalDate(year: 2023, month: 1, day: 1)!, to = Workload.today
        let (data, dataTime) = Measure.time { AnalyticsData(snapshot) }
        add("analytics columns (one pass over the transactions)", dataTime)
        let spec = SegmentSpec(by: [SegmentDimension(.region)!, SegmentDimension(.category)!], from: from, to: to)
        let (_, seg) = try Measure.time { _ = try SegmentSummary.make(spec, snapshot) }
        add("segment summary region × category (cold)", seg, target: 200)
        let (_, segWarm) = try Measure.time { _ = try SegmentSummary.make(spec, snapshot, data: data) }
        add("segment summary region × category (columns cached)", segWarm)
        let (_, rfm) = try Measure.time { _ = try RFMReport.make(RFMSpec(asOf: to), snapshot, data: data) }
        add("RFM", rfm)
        let (_, clv) = Measure.time { _ = CLVReport.make(CLVSpec(asOf: to), snapshot, data: data) }
        add("CLV fit (BG/NBD + Gamma-Gamma)", clv)
        let (_, rem) = Measure.time { _ = ReminderPlanner(asOf: to, calendar: LocalCalendar(TimeZone(identifier: "Asia/Shanghai")!)).plan(snapshot) }
        add("reminders (all users)", rem)
        let (dedupResult, dedup) = Measure.time { Deduplicator().run(snapshot) }
        add("dedup (whole book)", dedup, note: "\(dedupResult.pairs.count) candidate pairs")
    }

    /// Imports the three CSV files into a new store, as `kehu import customers …
    /// transactions … interactions …` does: read side by side, one commit.
    mutating func runImport(log: (String) -> Void) throws {
        let dir = (workload.dir as NSString).appendingPathComponent("import-store")
        try? FileManager.default.removeItem(atPath: dir)
        let kinds = [ImportKind.customers, .transactions, .interactions]
        let (_, total) = try Measure.time { () throws -> Void in
            let store = try FileStore.create(at: dir, user: "bench")
            let (tables, read) = try Measure.time { () throws -> [DataTable] in
                try Parallel.map(kinds.count) { k in Result { try Importer.readTable(path: workload.csv(kinds[k])) } }.map { try $0.get() }
            }
            add("read the three CSVs (side by side)", read)
            var options = ImportOptions(user: "bench", today: Workload.today)
            options.timeZone = TimeZone(identifier: "Asia/Shanghai")!
            let (_, commit) = try Measure.time { _ = try Importer.run(store, files: Array(zip(tables, kinds)), options: options) }
            add("check and commit them (one write, one snapshot)", commit)
        }
        add("import three CSVs (read, validate, commit)", total, target: 3000)
        try? FileManager.default.removeItem(atPath: dir)
    }
}
