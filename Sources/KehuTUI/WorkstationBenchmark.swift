import Foundation
import KehuCore

/// Measures (in thread CPU time) what a user feels: the time from a loaded snapshot to the first
/// screen, and the time of each keystroke while filtering (reducer + render,
/// the work between a key and the terminal update). Used by
/// `kehu bench-workstation`; numbers go to `docs/screens.md`, never into a test.
public enum WorkstationBenchmark {
    public struct Report: Sendable {
        public var customers: Int
        public var firstScreenMillis: Double
        public var keystrokes: Int
        public var p50Millis: Double
        public var p99Millis: Double
        public var maxMillis: Double
        public var queries: [String]

        public var text: String {
            String(format: "%d customers: first screen %.1f ms; filter %d keystrokes: p50 %.2f ms, p99 %.2f ms, max %.2f ms (queries: %@)",
                   customers, firstScreenMillis, keystrokes, p50Millis, p99Millis, maxMillis, queries.joined(separator: ", "))
        }
    }

    /// CPU time of this thread, not wall time: the machine this runs on is
    /// shared, and waiting for a core is not work the workstation does.
    static func millis(_ f: () -> Void) -> Double {
        var a = timespec(), b = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a)
        f()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b)
        return Double(b.tv_sec - a.tv_sec) * 1e3 + Double(b.tv_nsec - a.tv_nsec) / 1e6
    }

    /// Where start-up time goes (printed by the benchmark command).
    public static func breakdown(_ snapshot: Snapshot, clock: Clock) -> String {
        var f: FollowUps! = nil
        let tr = millis { _ = ReminderFollowUps.make(snapshot, clock: clock, pool: PoolRules()) }
        let tf = millis { f = FollowUps.simple(snapshot, clock: clock) }
        var table: CustomerTable! = nil
        let tt = millis { table = CustomerTable(snapshot, followUps: f, sort: .amount, descending: true, lang: .zh) }
        let ts = millis { table.setSort(.name, descending: false, dictionary: snapshot.dictionary, lang: .zh) }
        var vis: [Int32] = []
        let tv = millis { vis = table.visible(hits: table.index.matches("x")) }
        var hx: [Int32] = []
        let t1 = millis { hx = table.index.matches("x") }
        let t2 = millis { _ = table.index.matches("xa", among: hx) }
        let t4 = millis { _ = table.visible(hits: hx) }
        print(String(format: "search: 'x' %.1f ms (%d hits), 'xa' narrowed from them %.1f ms, visible rows %.1f ms; index text %d bytes",
                     t1, hx.count, t2, t4, table.index.documents.reduce(0) { $0 + $1.count }))
        print(String(format: "follow-ups from KehuCore/Reminders %.0f ms", tr))
        return String(format: "follow-ups %.0f ms, rows+search keys %.0f ms, sort by name %.0f ms, one full filter scan %.1f ms (%d hits)",
                      tf, tt, ts, tv, vis.count)
    }

    public static func run(_ snapshot: Snapshot, width: Int = 100, height: Int = 30, clock: Clock) -> Report {
        var state = AppState(snapshot: Snapshot(), user: "bench", lang: .zh, clock: clock)
        let first = millis {
            state = AppState(snapshot: snapshot, user: "bench", storeName: "bench", lang: .zh, clock: clock, width: width, height: height)
            _ = Screen.render(state)
        }
        // Queries a user would type: pinyin initials and full pinyin of a few real names, a phone prefix, an English word.
        let names = state.table.rows.filter { $0.name.unicodeScalars.contains { Pinyin.reading($0) != nil } }
        let picks = stride(from: 0, to: names.count, by: max(1, names.count / 4)).prefix(4).map { names[$0].name }
        var queries = picks.flatMap { n -> [String] in
            let k = Pinyin.keys(n)
            return [String(k.initials.first?.prefix(4) ?? ""), String(k.full.first?.prefix(10) ?? "")]
        }
        queries += ["138", "zhang wei", "acme trading", "科技"]
        var times: [Double] = []
        var slowest: [(Double, String)] = []
        for q in queries where !q.isEmpty {
            _ = Reducer.reduce(&state, .key(.char("/")))
            for c in q {
                let t = millis { _ = Reducer.reduce(&state, .key(.char(c))); _ = Screen.render(state) }
                times.append(t); slowest.append((t, state.filter.text))
            }
            for _ in 0..<min(3, q.count) {
                let t = millis { _ = Reducer.reduce(&state, .key(.backspace)); _ = Screen.render(state) }
                times.append(t); slowest.append((t, state.filter.text + "⌫"))
            }
            _ = Reducer.reduce(&state, .key(.escape))
        }
        slowest.sort { $0.0 > $1.0 }
        print("slowest keystrokes: " + slowest.prefix(5).map { String(format: "%@ %.1f ms", $0.1, $0.0) }.joined(separator: ", "))
        times.sort()
        func pct(_ p: Double) -> Double { times.isEmpty ? 0 : times[min(times.count - 1, Int(Double(times.count) * p))] }
        return Report(customers: snapshot.customers.count, firstScreenMillis: first, keystrokes: times.count,
                      p50Millis: pct(0.5), p99Millis: pct(0.99), maxMillis: times.last ?? 0, queries: queries)
    }
}
