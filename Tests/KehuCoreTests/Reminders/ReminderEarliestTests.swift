import Testing
@testable import KehuCore

/// `ReminderPlanner.forEachEarliest` gives, per customer, the reminder the full
/// plan lists first for that customer (what the list's follow-up column shows),
/// without sorting the whole plan.
@Suite struct ReminderEarliestTests {
    func book() throws -> Snapshot {
        var s = try SnapshotTests.build(customers: 200)
        var seq = s.seq
        func apply(_ c: Change) throws {
            seq += 1
            try s.apply(JournalEntry(seq: seq, at: Timestamp(millis: 1_800_000_000_000 + seq), by: "alice", change: c))
        }
        // Manual reminders: on the same day as others, timed and untimed, snoozed, done, for a customer twice.
        let days = ["2026-11-20", "2026-11-25", "2026-12-01", "2027-01-15"]
        for i in 1...60 {
            var f: [String: Value] = ["customer": .string("C\(i * 3)"), "due": .string(days[i % days.count]), "note": "call",
                                      "status": .string(i % 7 == 0 ? "done" : (i % 5 == 0 ? "snoozed" : "open")),
                                      "created": "2026-11-01T00:00:00Z"]
            if i % 2 == 0 { f["time"] = .string(i % 4 == 0 ? "09:30" : "16:00") }
            if i % 5 == 0 { f["snoozeUntil"] = "2026-11-28" }
            try apply(.create(.reminder, id: "R\(i)", f))
            if i % 6 == 0 { try apply(.create(.reminder, id: "R\(100 + i)", ["customer": .string("C\(i * 3)"), "due": .string(days[(i + 1) % days.count])])) }
        }
        return s
    }

    @Test func earliestIsWhatThePlanListsFirstPerCustomer() throws {
        let s = try book()
        for rules in [PoolRules(), PoolRules(noFollowUpDays: 30, noDealDays: 90, warnDays: 7)] {
            let planner = ReminderPlanner(asOf: LocalDate("2026-11-25")!, calendar: LocalCalendar(identifier: "Asia/Shanghai")!, pool: rules)
            var expected: [String: Reminder] = [:]
            for r in planner.plan(s) where expected[r.customerId] == nil { expected[r.customerId] = r }
            var got: [String: Reminder] = [:]
            var calls = 0
            planner.forEachEarliest(s) { got[$0.customerId] = $0; calls += 1 }
            #expect(calls == got.count)
            #expect(got.count == expected.count && got.count > 50)
            for (id, r) in expected { #expect(got[id] == r, "\(id)") }
        }
    }
}
