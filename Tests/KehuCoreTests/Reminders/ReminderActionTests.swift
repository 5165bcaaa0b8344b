import Testing
@testable import KehuCore

@Suite("Reminder actions: manual reminders, snooze, dismiss, done")
struct ReminderActionTests {
    /// A customer with a weekly contact strategy, last contacted 2026-11-01 (Shanghai):
    /// its contact reminder is `contact:C1:2026-11-08`.
    func weekly() -> (ReminderFixture, String) {
        var f = ReminderFixture()
        let c = f.customer("周期客户", contact: "每周联系")
        f.interaction(c, at: "2026-11-01T03:00:00Z")
        return (f, c)
    }

    @Test func snoozeMovesAComputedReminder() throws {
        var (f, c) = weekly()
        let id = "contact:\(c):2026-11-08"
        let ch = try f.changes("2026-11-09").snooze(id, until: .d("2026-11-12"), in: f.s)
        #expect(ch.entity == "reminderAction" && ch.id == id && ch.op == .create)
        try f.commit([ch], at: "2026-11-09T01:00:00Z")
        let on10 = Agenda(f.s, planner: f.planner("2026-11-10"))
        #expect(on10.overdueCount == 0 && on10.todayCount == 0)
        #expect(on10.reminders.first?.due == .d("2026-11-12"))
        #expect(on10.reminders.first?.snoozedUntil == .d("2026-11-12"))
        #expect(on10.reminders.first?.planned == .d("2026-11-08"))
        #expect(Agenda(f.s, planner: f.planner("2026-11-12")).todayCount == 1)
        #expect(Agenda(f.s, planner: f.planner("2026-11-14")).overdueCount == 1)
        // Snoozing again updates the same record at its version.
        let again = try f.changes("2026-11-14").snooze(id, until: .d("2026-11-20"), in: f.s)
        #expect(again.op == .update && again.base == 1)
        try f.commit([again])
        #expect(f.reminders("2026-11-14").first?.due == .d("2026-11-20"))
    }

    @Test func idsAreCaseInsensitive() throws {
        var (f, c) = weekly()
        let ch = try f.changes("2026-11-09").snooze("CONTACT:\(c.lowercased()):2026-11-08", until: .d("2026-11-12"), in: f.s)
        #expect(ch.id == "contact:\(c):2026-11-08")
        try f.commit([ch])
        #expect(f.reminders("2026-11-09").first?.snoozedUntil == .d("2026-11-12"))
    }

    @Test func snoozeMustGoForward() throws {
        let (f, c) = weekly()
        #expect(throws: ReminderError.invalid(field: "until", reason: "2026-11-09 is not after today (2026-11-09)")) {
            try f.changes("2026-11-09").snooze("contact:\(c):2026-11-08", until: .d("2026-11-09"), in: f.s)
        }
    }

    @Test func snoozeDoesNotSurviveAReplan() throws {
        var (f, c) = weekly()
        try f.commit([f.changes("2026-11-09").snooze("contact:\(c):2026-11-08", until: .d("2026-11-30"), in: f.s)])
        f.edit(c, ["contactStrategy": "每两周联系"])
        #expect(f.reminders("2026-11-09").first?.id == "contact:\(c):2026-11-15")
        #expect(f.reminders("2026-11-09").first?.snoozedUntil == nil)
    }

    @Test func dismissSkipsOneCycle() throws {
        var (f, c) = weekly()
        let id = "contact:\(c):2026-11-08"
        #expect(throws: ReminderError.invalid(field: "reason", reason: "is required (why is it dismissed?)")) {
            try f.changes("2026-11-10").dismiss(id, reason: "  ", in: f.s)
        }
        try f.commit([f.changes("2026-11-10").dismiss(id, reason: "客户休假", in: f.s)])
        let r = f.reminders("2026-11-10")
        // Dismissed on the 10th, two days late: the next falls due a week after the 10th.
        #expect(r.map(\.id) == ["contact:\(c):2026-11-17"])
        #expect(r.first?.basisKind == .dismissed)
        #expect(throws: ReminderError.closed(id: id, status: "dismissed")) {
            try f.changes("2026-11-10").dismiss(id, reason: "again", in: f.s)
        }
    }

    @Test func dismissEarlySkipsFromThePlannedDay() throws {
        var (f, c) = weekly()
        try f.commit([f.changes("2026-11-05").dismiss("contact:\(c):2026-11-08", reason: "met at a fair", in: f.s)])
        #expect(f.reminders("2026-11-05").first?.due == .d("2026-11-15"))
    }

    @Test func unknownComputedIdIsRefused() {
        let (f, c) = weekly()
        #expect(throws: ReminderError.noReminder("contact:\(c):2026-11-09")) {
            try f.changes("2026-11-09").snooze("contact:\(c):2026-11-09", until: .d("2026-11-12"), in: f.s)
        }
        #expect(throws: ReminderError.noReminder("purchase:\(c):2026-11-08")) {
            try f.changes("2026-11-09").dismiss("purchase:\(c):2026-11-08", reason: "x", in: f.s)
        }
        #expect(throws: ReminderError.noReminder("R99")) {
            try f.changes("2026-11-09").dismiss("R99", reason: "x", in: f.s)
        }
    }

    @Test func manualReminderLifecycle() throws {
        var f = ReminderFixture()
        let c = f.customer("手动", owner: "bob")
        let rc = f.changes("2026-11-20", user: "alice", now: "2026-11-20T02:00:00Z")
        let create = try rc.create(customer: c, due: .d("2026-11-25"), time: "9:30", note: "确认报价", assignee: nil, in: f.s)
        #expect(create.fields["time"] == "09:30")
        #expect(create.fields["assignee"] == "bob")  // the owner by default
        let id = try f.commit([create])[0]
        #expect(id == "R1")
        var r = f.reminders("2026-11-25")
        #expect(r.map(\.id) == ["R1"] && r[0].kind == .manual && r[0].note == "确认报价" && r[0].time == "09:30")
        try f.commit([f.changes("2026-11-25").snooze("r1", until: .d("2026-11-27"), in: f.s)])
        r = f.reminders("2026-11-25")
        #expect(r.first?.due == .d("2026-11-27") && r.first?.snoozedUntil == .d("2026-11-27"))
        #expect(f.s.extras["reminder"]?["R1"]?["status"] == "snoozed")
        try f.commit([f.changes("2026-11-26").dismiss("R1", reason: "客户已下单", in: f.s)])
        #expect(f.reminders("2026-11-27").isEmpty)
        #expect(f.s.extras["reminder"]?["R1"]?["reason"] == "客户已下单")
        #expect(throws: ReminderError.closed(id: "R1", status: "dismissed")) {
            try f.changes("2026-11-27").snooze("R1", until: .d("2026-12-01"), in: f.s)
        }
    }

    @Test func manualReminderIsResolvedByAContactOnOrAfterItsDay() throws {
        var f = ReminderFixture()
        let c = f.customer("Call back", owner: "alice")
        try f.commit([f.changes("2026-11-20", now: "2026-11-20T02:00:00Z")
            .create(customer: c, due: .d("2026-11-25"), time: nil, note: "call back", assignee: nil, in: f.s)])
        f.interaction(c, at: "2026-11-22T02:00:00Z")   // before its day: still open
        #expect(f.reminders("2026-11-25").count == 1)
        f.interaction(c, at: "2026-11-24T16:10:00Z")   // 00:10 on the 25th in Shanghai
        #expect(f.reminders("2026-11-25").isEmpty)
        // In New York that contact was on the 24th: still open there.
        #expect(f.reminders("2026-11-25", ReminderFixture.newYork).count == 1)
    }

    @Test func doneOnlyForManual() throws {
        var f = ReminderFixture()
        let c = f.customer("Done", contact: "每周联系")
        let id = try f.commit([f.changes("2026-03-01").create(customer: c, due: .d("2026-03-02"), time: nil, note: "send samples", assignee: "carol", in: f.s)])[0]
        #expect(f.reminders("2026-03-01").first { $0.id == id }?.assignee == "carol")
        try f.commit([f.changes("2026-03-02").done(id, in: f.s)])
        #expect(f.reminders("2026-03-02").allSatisfy { $0.kind != .manual })
        #expect(throws: ReminderError.self) { try f.changes("2026-03-02").done("contact:\(c):2026-01-08", in: f.s) }
    }

    @Test func createValidates() {
        var f = ReminderFixture()
        let c = f.customer("V")
        let rc = f.changes("2026-11-20")
        #expect(throws: ReminderError.noCustomer("C404")) {
            try rc.create(customer: "C404", due: .d("2026-11-25"), time: nil, note: "x", assignee: nil, in: f.s)
        }
        #expect(throws: ReminderError.invalid(field: "due", reason: "2026-11-19 is before today (2026-11-20)")) {
            try rc.create(customer: c, due: .d("2026-11-19"), time: nil, note: "x", assignee: nil, in: f.s)
        }
        #expect(throws: ReminderError.invalid(field: "time", reason: "'25:00' is not a time (HH:MM, 24-hour)")) {
            try rc.create(customer: c, due: .d("2026-11-25"), time: "25:00", note: "x", assignee: nil, in: f.s)
        }
        #expect(throws: ReminderError.invalid(field: "note", reason: "is required (what should be done?)")) {
            try rc.create(customer: c, due: .d("2026-11-25"), time: nil, note: " ", assignee: nil, in: f.s)
        }
        #expect(throws: ReminderError.invalid(field: "assignee", reason: "'张三' is not a login name")) {
            try rc.create(customer: c, due: .d("2026-11-25"), time: nil, note: "x", assignee: "张三", in: f.s)
        }
    }

    @Test func agendaOrderWithinADay() throws {
        var f = ReminderFixture()
        let a = f.customer("A", contact: "每周联系", purchase: "每月采购", created: "2026-02-01T02:00:00Z")
        let rc = f.changes("2026-02-01")
        try f.commit([rc.create(customer: a, due: .d("2026-03-03"), time: "14:00", note: "afternoon", assignee: nil, in: f.s),
                      rc.create(customer: a, due: .d("2026-03-03"), time: nil, note: "any time", assignee: nil, in: f.s),
                      rc.create(customer: a, due: .d("2026-03-03"), time: "08:00", note: "morning", assignee: nil, in: f.s)])
        // created 02-01 → purchase due 03-03 (30 days); contact due 02-08.
        let r = f.reminders("2026-03-03")
        #expect(r.map(\.id) == ["contact:\(a):2026-02-08", "R3", "R1", "R2", "purchase:\(a):2026-03-03"])
    }
}
