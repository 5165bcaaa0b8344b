import Testing
@testable import KehuCore

@Suite("ReminderPlanner: contact and purchase reminders, hand-computed")
struct ReminderPlannerTests {
    @Test func contactDueIsTheLocalDayOfTheLastContactPlusTheCycle() {
        var f = ReminderFixture()
        let c = f.customer("广州人易", contact: "每周联系")
        // 2026-11-24T16:30Z is 00:30 on the 25th in Shanghai, still the 24th in UTC.
        f.interaction(c, at: "2026-11-24T16:30:00Z")
        let sh = f.reminders("2026-11-25").filter { $0.kind == .contact }
        #expect(sh.map(\.id) == ["contact:\(c):2026-12-02"])
        #expect(sh.first?.basis == .d("2026-11-25"))
        #expect(sh.first?.basisKind == .lastContact)
        let utc = f.reminders("2026-11-25", ReminderFixture.utc).filter { $0.kind == .contact }
        #expect(utc.first?.due == .d("2026-12-01"))
    }

    @Test func bucketsAroundTheDueDay() {
        var f = ReminderFixture()
        let c = f.customer("A", contact: "每周联系")
        f.interaction(c, at: "2026-11-24T16:30:00Z")
        func bucket(_ asOf: String) -> AgendaBucket? {
            let a = Agenda(f.s, planner: f.planner(asOf))
            return a.reminders.first.map(a.bucket(of:))
        }
        #expect(bucket("2026-11-24") == .later)   // 2026-12-02 is 8 days after 11-24
        #expect(bucket("2026-11-25") == .next7)
        #expect(bucket("2026-12-01") == .next7)
        #expect(bucket("2026-12-02") == .today)
        #expect(bucket("2026-12-03") == .overdue)
        let a = Agenda(f.s, planner: f.planner("2026-12-05"))
        #expect(a.when(a.reminders[0], .en) == "3 days overdue")
        #expect(a.when(a.reminders[0], .zh) == "逾期 3 天")
        #expect(a.summary(.en) == "1 overdue, 0 due today")
    }

    @Test func newYorkAcrossSpringForward() {
        var f = ReminderFixture()
        let c = f.customer("Acme", contact: "每月联系", created: "2026-01-01T12:00:00Z")
        // 00:30 EDT on March 9; with the winter offset it would be 23:30 on the 8th.
        f.interaction(c, at: "2026-03-09T04:30:00Z")
        let r = f.reminders("2026-04-01", ReminderFixture.newYork).first { $0.kind == .contact }
        #expect(r?.basis == .d("2026-03-09"))
        #expect(r?.due == .d("2026-04-08"))
    }

    @Test func newYorkAcrossFallBack() {
        var f = ReminderFixture()
        let c = f.customer("Acme", contact: "每周联系", created: "2026-01-01T12:00:00Z")
        // 23:30 EST on November 1; with the summer offset it would be 00:30 on the 2nd.
        f.interaction(c, at: "2026-11-02T04:30:00Z")
        let r = f.reminders("2026-11-05", ReminderFixture.newYork).first { $0.kind == .contact }
        #expect(r?.due == .d("2026-11-08"))
        #expect(r?.id == "contact:\(c):2026-11-08")
    }

    @Test func noInteractionCountsFromCreation() {
        var f = ReminderFixture()
        // Created 2026-01-09T17:00Z = 01:00 on the 10th in Shanghai.
        let c = f.customer("New", contact: "每两周联系", created: "2026-01-09T17:00:00Z")
        let r = f.reminders("2026-01-10").first { $0.kind == .contact }
        #expect(r?.due == .d("2026-01-24"))
        #expect(r?.basisKind == .created)
        #expect(r?.detail(.en) == "created 2026-01-10, 每两周联系 (14 days)")
        _ = c
    }

    @Test func leapDay() {
        var f = ReminderFixture()
        let c = f.customer("Leap", contact: "每周联系", purchase: "每年采购", created: "2027-01-01T00:00:00Z")
        f.interaction(c, at: "2028-02-22T02:00:00Z")
        f.transaction(c, date: "2028-02-29")
        let rs = f.reminders("2028-02-25")
        #expect(rs.first { $0.kind == .contact }?.due == .d("2028-02-29"))
        #expect(rs.first { $0.kind == .purchase }?.due == .d("2029-02-28"))
    }

    @Test func purchaseAlertFromLastTransaction() {
        var f = ReminderFixture()
        let c = f.customer("Buyer", purchase: "每月采购")
        f.transaction(c, date: "2026-08-01")
        f.transaction(c, date: "2026-10-15")
        f.transaction(c, date: "2026-09-01")
        let r = f.reminders("2026-11-20").first { $0.kind == .purchase }
        #expect(r?.due == .d("2026-11-14"))
        #expect(r?.basis == .d("2026-10-15"))
        #expect(r?.detail(.en) == "last purchase 2026-10-15, 每月采购 (30 days)")
        #expect(r?.detail(.en, dictionary: f.s.dictionary) == "last purchase 2026-10-15, Monthly purchase (30 days)")
        #expect(r?.detail(.zh, dictionary: f.s.dictionary) == "上次购买 2026-10-15，每月采购 (30天)")
    }

    @Test func noTransactionsCountsFromCreation() {
        var f = ReminderFixture()
        // 02:00Z on Jan 10 is 10:00 in Shanghai: created on the 10th.
        let c = f.customer("Never bought", purchase: "每月采购", created: "2026-01-10T02:00:00Z")
        let r = f.reminders("2026-03-01").first { $0.kind == .purchase }
        #expect(r?.id == "purchase:\(c):2026-02-09")
        #expect(r?.basisKind == .created)
        #expect(r?.detail(.en) == "no purchase yet, created 2026-01-10, 每月采购 (30 days)")
    }

    @Test func noStrategyNoOwnerNoReminder() {
        var f = ReminderFixture()
        f.customer("No strategy")
        f.customer("In the pool", owner: nil, contact: "每周联系", purchase: "每月采购")
        #expect(f.reminders("2027-01-01").isEmpty)
    }

    @Test func strategyChangedMidwayReplans() {
        var f = ReminderFixture()
        let c = f.customer("Switch", contact: "每周联系")
        f.interaction(c, at: "2026-11-01T03:00:00Z")
        #expect(f.reminders("2026-11-05").first?.id == "contact:\(c):2026-11-08")
        f.edit(c, ["contactStrategy": "每月联系"])
        #expect(f.reminders("2026-11-05").first?.id == "contact:\(c):2026-12-01")
        f.edit(c, ["contactStrategy": .null])
        #expect(f.reminders("2026-11-05").isEmpty)
    }

    @Test func dictionaryCycleChangeReplans() throws {
        var f = ReminderFixture()
        let c = f.customer("Cycle", contact: "每周联系")
        f.interaction(c, at: "2026-11-01T03:00:00Z")
        try f.commit([Change(op: .update, entity: "dictionary", id: "contactStrategy/每周联系", base: 1, fields: ["cycleDays": 10])])
        #expect(f.reminders("2026-11-05").first?.due == .d("2026-11-11"))
    }

    @Test func loggingAContactResolvesTheReminder() {
        var f = ReminderFixture()
        let c = f.customer("Follow", contact: "每周联系")
        f.interaction(c, at: "2026-11-01T03:00:00Z")
        let before = Agenda(f.s, planner: f.planner("2026-11-10"))
        #expect(before.overdueCount == 1)
        f.interaction(c, at: "2026-11-10T03:00:00Z")
        let after = Agenda(f.s, planner: f.planner("2026-11-10"))
        #expect(after.overdueCount == 0)
        #expect(after.reminders.first?.due == .d("2026-11-17"))
    }

    @Test func assigneeIsTheOwnerAndAgendaFilters() {
        var f = ReminderFixture()
        f.customer("Mine", owner: "alice", contact: "每周联系")
        f.customer("Bob's", owner: "bob", contact: "每周联系")
        let all = Agenda(f.s, planner: f.planner("2026-03-01"))
        #expect(all.reminders.count == 2)
        #expect(all.assigned(to: "bob").reminders.map(\.customerName) == ["Bob's"])
        #expect(Agenda(f.s, planner: f.planner("2026-03-01"), assignee: "alice").reminders.map(\.customerName) == ["Mine"])
        // A manual reminder on bob's customer assigned to alice is hers, not bob's.
        let bobs = f.s.customerList.first { $0.owner == "bob" }!.id
        try! f.commit([f.changes("2026-03-01").create(customer: bobs, due: .d("2026-03-02"), time: nil, note: "cover for bob", assignee: "alice", in: f.s)])
        #expect(Agenda(f.s, planner: f.planner("2026-03-01"), assignee: "alice").reminders.map(\.id) == ["contact:C1:2026-01-08", "R1"])
        #expect(Agenda(f.s, planner: f.planner("2026-03-01"), assignee: "bob").reminders.map(\.id) == ["contact:C2:2026-01-08"])
    }
}
