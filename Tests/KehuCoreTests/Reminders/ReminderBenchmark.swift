import Foundation
import Testing
@testable import KehuCore

/// Reminder computation at 100k customers / 1M transactions / 500k
/// interactions. Not a timed test: it only runs with KEHU_BENCH=1 and prints
/// its figures; run it optimized:
///
///     KEHU_BENCH=1 swift test -c release --filter ReminderBenchmark
@Suite("ReminderBenchmark", .enabled(if: ProcessInfo.processInfo.environment["KEHU_BENCH"] == "1"))
struct ReminderBenchmark {
    @Test func hundredThousandCustomers() throws {
        let customers = 100_000, transactions = 1_000_000, interactions = 500_000
        var s = Snapshot()
        var seq: Int64 = 0
        var rng = SystemRandomNumberGenerator()
        func apply(_ c: Change, at: Timestamp = Timestamp(millis: 1_767_225_600_000), by: String = "bench") throws {
            seq += 1
            try s.apply(JournalEntry(seq: seq, at: at, by: by, change: c))
        }
        let t0 = cpuNow()
        for e in DictionarySeed.entries {
            var f: [String: Value] = ["zh": .string(e.label.zh), "en": .string(e.label.en)]
            if let c = e.cycleDays { f["cycleDays"] = .int(Int64(c)) }
            try apply(Change(op: .create, entity: "dictionary", id: e.id, fields: f))
        }
        let contact = DictionarySeed.entries.filter { $0.kind == .contactStrategy }.map(\.code)
        let purchase = DictionarySeed.entries.filter { $0.kind == .purchaseStrategy }.map(\.code)
        let base = Timestamp("2024-01-01T00:00:00Z")!.millis
        let day: Int64 = 86_400_000
        for i in 1...customers {
            var f: [String: Value] = ["name": .string("客户\(i)"), "contactStrategy": .string(contact[i % contact.count]),
                                      "purchaseStrategy": .string(purchase[i % purchase.count]), "ownerSince": "2026-06-01"]
            if i % 10 != 0 { f["owner"] = .string("rep\(i % 20)") }
            try apply(.create(.customer, id: "C\(i)", f), at: Timestamp(millis: base + Int64.random(in: 0..<(700 * day), using: &rng)))
        }
        for i in 1...transactions {
            let d = LocalDate(year: 2024, month: 1, day: 1)!.adding(days: Int.random(in: 0..<1060, using: &rng))
            try apply(.create(.transaction, id: "T\(i)", ["customer": .string("C\(Int.random(in: 1...customers, using: &rng))"),
                                                          "date": .string(d.description), "amount": "1000.00"]))
        }
        for i in 1...interactions {
            let at = Timestamp(millis: base + Int64.random(in: 0..<(1060 * day), using: &rng))
            try apply(.create(.interaction, id: "I\(i)", ["customer": .string("C\(Int.random(in: 1...customers, using: &rng))"),
                                                          "at": .string(at.description)]))
        }
        for i in 1...10_000 {
            try apply(.create(.reminder, id: "R\(i)", ["customer": .string("C\(i * 7)"), "due": "2026-11-30", "note": "call",
                                                      "status": "open", "created": "2026-11-01T00:00:00Z"]))
        }
        let built = cpuSince(t0)
        let cal = LocalCalendar(identifier: "Asia/Shanghai")!
        let rules = PoolRules(noFollowUpDays: 30, noDealDays: 90, warnDays: 7)
        let planner = ReminderPlanner(asOf: .d2("2026-11-25"), calendar: cal, pool: rules)
        var times: [Double] = []
        var agenda = Agenda(asOf: planner.asOf, reminders: [])
        for _ in 0..<3 {
            let t = cpuNow()
            agenda = Agenda(s, planner: planner)
            times.append(cpuSince(t))
        }
        let noPool = ReminderPlanner(asOf: .d2("2026-11-25"), calendar: cal)
        let t1 = cpuNow()
        let plain = noPool.plan(s)
        let plainTime = cpuSince(t1)
        let t2 = cpuNow()
        let mine = Agenda(s, planner: planner, assignee: "rep3")
        let filterTime = cpuSince(t2)
        let t3 = cpuNow()
        let one = planner.plan(s, customer: "C12345")
        let oneTime = cpuSince(t3)
        let t4 = cpuNow()
        let sweep = PoolActions(rules: rules, calendar: cal, today: .d2("2026-11-25"), user: "cron").sweep(in: s)
        let sweepTime = cpuSince(t4)
        let b0 = cpuNow()
        var n = 0
        for c in s.customers.values { n &+= c.name.utf8.count }
        let iterTime = cpuSince(b0)
        let b1 = cpuNow()
        for c in s.customers.values { if CustomerActivity.lastContactDay(of: c.id, in: s, calendar: cal) != nil { n &+= 1 } }
        let lastTime = cpuSince(b1)
        let b2 = cpuNow()
        let resorted = Reminder.sortedForAgenda(agenda.reminders.reversed())
        let sortTime = cpuSince(b2)
        let b3 = cpuNow()
        for r in agenda.reminders.prefix(100_000) { n &+= r.id.utf8.count }
        let idTime = cpuSince(b3)
        print("""
          breakdown: iterate customers \(fmt(iterTime)) s, last contact day of each \(fmt(lastTime)) s, sort \(resorted.count) \(fmt(sortTime)) s, 100k ids \(fmt(idTime)) s (\(n))
        ReminderBenchmark (thread CPU seconds): \(customers) customers, \(transactions) transactions, \(interactions) interactions, 10000 manual reminders
          snapshot built in \(fmt(built)) s
          full agenda with pool warnings: \(times.map(fmt).joined(separator: " / ")) s → \(agenda.reminders.count) reminders, \(agenda.overdueCount) overdue, \(agenda.todayCount) today
          full agenda without pool rules: \(fmt(plainTime)) s → \(plain.count) reminders
          one user's agenda (rep3 of 20): \(fmt(filterTime)) s → \(mine.reminders.count)
          one customer's reminders: \(fmt(oneTime * 1000)) ms → \(one.count)
          pool sweep (30/90 days): \(fmt(sweepTime)) s → \(sweep.count / 2) releases
        """)
        #expect(agenda.reminders.count > 0)
    }

    func fmt(_ x: Double) -> String { String(format: "%.3f", x) }

    /// This thread's CPU time: the machine is shared, so wall-clock time would
    /// measure the other processes as much as this code.
    func cpuNow() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    func cpuSince(_ t: Double) -> Double { cpuNow() - t }
}

extension LocalDate {
    static func d2(_ s: String) -> LocalDate { LocalDate(s)! }
}
