import Foundation
import Testing
import KehuCore
import KehuStore

/// Import throughput: the demo book of business (100k customers, ~1M transactions,
/// ~500k interactions) exported to CSV, then imported into an empty store, timing
/// each phase. Slow, so only with KEHU_BENCH=1, in release:
/// `KEHU_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter ImportBenchmark`.
@Suite("ImportBenchmark", .enabled(if: ProcessInfo.processInfo.environment["KEHU_BENCH"] != nil))
struct ImportBenchmark {
    @Test func importDemoBook() throws {
        let customers = Int(ProcessInfo.processInfo.environment["KEHU_BENCH_CUSTOMERS"] ?? "") ?? 100_000
        var gen = DemoGenerator(seed: 1, customers: customers, today: LocalDate("2026-11-25")!)
        var source = Snapshot()
        var seq: Int64 = 0
        for batch in gen.batches(chunk: 10_000) {
            for c in batch { seq += 1; try source.apply(JournalEntry(seq: seq, at: Timestamp(millis: 0), by: "bench", change: c)) }
        }
        let dir = temporaryFolder("bench")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = try FileStore.create(at: dir + "/store", user: "bench")
        let clock = ContinuousClock()
        var total = Duration.zero
        // CPU seconds too: on a shared machine wall time says more about the neighbours than about the code.
        func cpu() -> Double { Double(Foundation.clock()) / Double(CLOCKS_PER_SEC) }
        var cpuTotal = 0.0
        for kind in [ImportKind.customers, .transactions, .interactions] {
            let path = dir + "/\(kind.rawValue).csv"
            try Exporter.data(kind, source, format: .csv).write(to: URL(fileURLWithPath: path))
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            var table: DataTable!
            let c0 = cpu()
            let read = clock.measure { table = try! Importer.readTable(path: path) }
            let c1 = cpu()
            let planner = try ImportPlanner(table: table, kind: kind, options: ImportOptions(user: "bench", today: LocalDate("2026-11-25")!))
            var plan: ImportPlan!
            let planned = clock.measure { plan = planner.plan(store.snapshot) }
            let c2 = cpu()
            #expect(plan.problems.isEmpty)
            let batch = plan.batch
            let committed = try clock.measure { try store.commitBatches(fieldsChecked: true, [{ _ in batch }]) }
            let c3 = cpu()
            let all = read + planned + committed
            total += all
            cpuTotal += c3 - c0
            let f = { (x: Double) in String(format: "%.2fs", x) }
            print("import \(kind.rawValue): rows=\(table.rows.count) bytes=\(size) wall: read+parse=\(read) plan+validate=\(planned) store.commit=\(committed) total=\(all); "
                  + "cpu: read+parse=\(f(c1 - c0)) plan+validate=\(f(c2 - c1)) store.commit=\(f(c3 - c2))")
        }
        print("import total: wall \(total), cpu \(String(format: "%.2fs", cpuTotal)) for \(store.snapshot.customers.count) customers, \(store.snapshot.transactions.count) transactions, \(store.snapshot.interactions.count) interactions")
    }
}
