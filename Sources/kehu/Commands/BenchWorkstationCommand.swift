import ArgumentParser
import Foundation
import KehuCore
import KehuStore
import KehuTUI

/// `kehu bench-workstation`: time to first screen and per-keystroke filter
/// time, on a store or on an in-memory demo of any size (build with
/// `-c release` for meaningful numbers).
struct BenchWorkstationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-workstation", abstract: "Benchmark: workstation start-up and filter keystrokes.", shouldDisplay: false)

    @Option(help: ArgumentHelp("A store to measure (default: an in-memory demo).", valueName: "DIR")) var store: String?
    @Option(help: "Customers in the in-memory demo.") var customers = 100_000

    func run() throws {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let clock = Clock(now: .now, timeZone: zone)
        var snapshot = Snapshot()
        let t0 = Date()
        if let store {
            let s = try FileStore(path: store)
            snapshot = s.snapshot
            print(String(format: "opened %@ in %.0f ms", store, Date().timeIntervalSince(t0) * 1000))
        } else {
            var gen = DemoGenerator(seed: 1, customers: customers, today: clock.today)
            var seq: Int64 = 0
            for e in DictionarySeed.entries {
                seq += 1
                try snapshot.apply(JournalEntry(seq: seq, at: .now, by: "bench", change: .create(.dictionary, id: e.id, e.fieldValues)))
            }
            for batch in gen.batches() {
                for c in batch { seq += 1; try snapshot.apply(JournalEntry(seq: seq, at: .now, by: "bench", change: c)) }
            }
            print(String(format: "generated %d customers, %d transactions, %d interactions in %.1f s", snapshot.customers.count,
                         snapshot.transactions.count, snapshot.interactions.count, Date().timeIntervalSince(t0)))
        }
        print(WorkstationBenchmark.breakdown(snapshot, clock: clock))
        print(WorkstationBenchmark.run(snapshot, clock: clock).text)
    }
}
