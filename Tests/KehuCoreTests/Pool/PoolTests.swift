import Testing
@testable import KehuCore

@Suite("Pool: release plans, sweep, claim, release, assign")
struct PoolTests {
    let rules = PoolRules(noFollowUpDays: 30, noDealDays: 45, warnDays: 7)

    func desk(_ today: String, _ user: String = "alice", rules: PoolRules? = nil) -> PoolActions {
        PoolActions(rules: rules ?? self.rules, calendar: ReminderFixture.shanghai, today: .d(today), user: user)
    }

    /// Owned by alice since 2026-10-01, last contact 2026-10-15 (Shanghai), no deal:
    /// no follow-up → 10-15 + 30 = 11-14; no deal → 10-01 + 45 = 11-15. Goes on 11-14.
    func owned() -> (ReminderFixture, String) {
        var f = ReminderFixture()
        let c = f.customer("公海候选", owner: "alice", created: "2026-06-01T00:00:00Z", ownerSince: "2026-10-01")
        f.interaction(c, at: "2026-10-15T06:00:00Z")
        return (f, c)
    }

    @Test func releasePlanHandComputed() {
        var (f, c) = owned()
        var p = ReleasePlan.of(f.s.customers[c]!, in: f.s, rules: rules, calendar: ReminderFixture.shanghai)
        #expect(p?.date == .d("2026-11-14") && p?.reason == .noFollowUp && p?.since == .d("2026-10-15") && p?.warnOn == .d("2026-11-07"))
        #expect(p?.explanation(.en) == "no follow-up for 30 days since 2026-10-15: goes to the pool on 2026-11-14")
        // A contact on 11-10 moves the follow-up clock to 12-10; the deal clock (11-15) now decides.
        f.interaction(c, at: "2026-11-10T06:00:00Z")
        p = ReleasePlan.of(f.s.customers[c]!, in: f.s, rules: rules, calendar: ReminderFixture.shanghai)
        #expect(p?.date == .d("2026-11-15") && p?.reason == .noDeal && p?.since == .d("2026-10-01"))
        // A deal before ownerSince does not restart the clock; one after it does.
        f.transaction(c, date: "2026-09-01")
        #expect(ReleasePlan.of(f.s.customers[c]!, in: f.s, rules: rules, calendar: ReminderFixture.shanghai)?.date == .d("2026-11-15"))
        f.transaction(c, date: "2026-11-12")
        #expect(ReleasePlan.of(f.s.customers[c]!, in: f.s, rules: rules, calendar: ReminderFixture.shanghai)?.date == .d("2026-12-10"))
    }

    @Test func withoutOwnerSinceCountsFromCreation() {
        var f = ReminderFixture()
        let c = f.customer("No since", owner: "bob", created: "2026-03-01T18:00:00Z")  // 03-02 in Shanghai
        let p = ReleasePlan.of(f.s.customers[c]!, in: f.s, rules: PoolRules(noFollowUpDays: 10), calendar: ReminderFixture.shanghai)
        #expect(p?.date == .d("2026-03-12"))
    }

    @Test func lockedAndPoolCustomersHaveNoPlan() {
        var f = ReminderFixture()
        let l = f.customer("Locked", owner: "alice", locked: true)
        let p = f.customer("Pool", owner: nil)
        #expect(ReleasePlan.of(f.s.customers[l]!, in: f.s, rules: rules, calendar: ReminderFixture.shanghai) == nil)
        #expect(ReleasePlan.of(f.s.customers[p]!, in: f.s, rules: rules, calendar: ReminderFixture.shanghai) == nil)
        #expect(desk("2030-01-01").sweep(in: f.s).isEmpty)
    }

    @Test func sweepAsOfIsDeterministic() throws {
        var (f, c) = owned()
        #expect(desk("2026-11-13").sweep(in: f.s).isEmpty)
        let changes = desk("2026-11-14", "cron").sweep(in: f.s)
        #expect(changes.count == 2)
        #expect(changes[0].event == "release" && changes[0].id == c && changes[0].fields["owner"] == .null && changes[0].base == f.s.customers[c]!.version)
        try f.commit(changes, by: "cron")
        #expect(f.s.customers[c]!.owner == nil && f.s.customers[c]!.ownerSince == nil)
        let h = PoolHistory.of(c, in: f.s)
        #expect(h?.released["alice"] == .d("2026-11-14") && h?.lastOwner == "alice" && h?.releasedBy == "cron" && h?.rule == "noFollowUp")
        #expect(desk("2026-11-20").sweep(in: f.s).isEmpty)
        let listed = PoolReport.pool(f.s, calendar: ReminderFixture.shanghai)
        #expect(listed.map(\.customer.id) == [c] && listed[0].lastContact == .d("2026-10-15"))
    }

    @Test func warningReminderBeforeRelease() {
        let (f, c) = owned()
        let r = f.reminders("2026-11-07", pool: rules).filter { $0.kind == .pool }
        #expect(r.map(\.id) == ["pool:\(c):2026-11-07"])
        #expect(r.first?.assignee == "alice" && r.first?.detail(.en) == "no follow-up for 30 days since 2026-10-15: goes to the pool on 2026-11-14")
        #expect(r.first?.detail(.zh) == "自 2026-10-15 起 30 天未跟进，2026-11-14 转入公海")
        #expect(f.reminders("2026-11-07", pool: PoolRules(noFollowUpDays: 30)).allSatisfy { $0.kind != .pool })
        let risk = PoolReport.atRisk(f.s, rules: rules, calendar: ReminderFixture.shanghai, asOf: .d("2026-11-07"), within: 7)
        #expect(risk.map(\.customerId) == [c])
        #expect(PoolReport.atRisk(f.s, rules: rules, calendar: ReminderFixture.shanghai, asOf: .d("2026-11-06"), within: 7).isEmpty)
    }

    @Test func claimSetsOwnerAndCountsTheDay() throws {
        var f = ReminderFixture()
        let c = f.customer("Free", owner: nil)
        let ch = try desk("2026-11-25", "bob").claim(c, in: f.s)
        #expect(ch[0].event == "claim" && ch[0].fields["owner"] == "bob" && ch[0].fields["ownerSince"] == "2026-11-25")
        try f.commit(ch, by: "bob")
        #expect(f.s.customers[c]!.owner == "bob" && f.s.customers[c]!.ownerSince == .d("2026-11-25"))
        #expect(PoolClaims.of("bob", on: .d("2026-11-25"), in: f.s)?.count == 1)
        #expect(throws: PoolError.alreadyOwned(customer: c, owner: "bob", since: .d("2026-11-25"), you: false)) {
            try desk("2026-11-25", "carol").claim(c, in: f.s)
        }
        #expect(PoolError.alreadyOwned(customer: c, owner: "bob", since: .d("2026-11-25"), you: false).description
            == "\(c): already claimed by bob on 2026-11-25 — ask bob or a manager")
        #expect(throws: PoolError.alreadyOwned(customer: c, owner: "bob", since: .d("2026-11-25"), you: true)) {
            try desk("2026-11-25", "bob").claim(c, in: f.s)
        }
    }

    @Test func twoClaimsAgainstTheSameVersionExactlyOneWins() throws {
        var f = ReminderFixture()
        let c = f.customer("Contested", owner: nil)
        let seen = f.s
        let bob = try desk("2026-11-25", "bob").claim(c, in: seen)
        let carol = try desk("2026-11-25", "carol").claim(c, in: seen)
        try f.commit(bob, by: "bob")
        // Carol's change was built on the old version: the store's check refuses it.
        #expect(f.s.check(carol[0]) == [.conflict(entity: "customer", id: c, base: 1, current: 2, by: "bob")])
        // Rebuilt under the lock with the latest snapshot, it says who won.
        #expect(throws: PoolError.alreadyOwned(customer: c, owner: "bob", since: .d("2026-11-25"), you: false)) {
            try desk("2026-11-25", "carol").claim(c, in: f.s)
        }
    }

    @Test func claimLimits() throws {
        var f = ReminderFixture()
        let limits = PoolRules(maxCustomers: 2, exemptWithDeals: true, claimsPerDay: 2)
        let held = f.customer("Held", owner: "bob")
        let withDeal = f.customer("Deal", owner: "bob")
        f.transaction(withDeal, date: "2026-05-01")
        let p1 = f.customer("P1", owner: nil), p2 = f.customer("P2", owner: nil), p3 = f.customer("P3", owner: nil)
        // bob holds 2, one with a deal (exempt): counts 1 of 2.
        #expect(desk("2026-11-25", "bob", rules: limits).heldCount("bob", in: f.s) == 1)
        try f.commit(desk("2026-11-25", "bob", rules: limits).claim(p1, in: f.s), by: "bob")
        #expect(throws: PoolError.holdingLimit(held: 2, max: 2)) { try desk("2026-11-25", "bob", rules: limits).claim(p2, in: f.s) }
        // Without the exemption bob already holds 3.
        var strict = limits; strict.exemptWithDeals = false
        #expect(throws: PoolError.holdingLimit(held: 3, max: 2)) { try desk("2026-11-25", "bob", rules: strict).claim(p2, in: f.s) }
        // Daily limit: after releasing, bob has room but has claimed... only 1 today; claim p2, then p3 is the 3rd today.
        try f.commit(desk("2026-11-25", "bob", rules: limits).release(held, reason: "not my region", in: f.s), by: "bob")
        try f.commit(desk("2026-11-25", "bob", rules: limits).release(p1, reason: nil, in: f.s), by: "bob")
        try f.commit(desk("2026-11-25", "bob", rules: limits).claim(p2, in: f.s), by: "bob")
        #expect(throws: PoolError.dailyLimit(claimed: 2, max: 2, day: .d("2026-11-25"))) {
            try desk("2026-11-25", "bob", rules: limits).claim(p3, in: f.s)
        }
        #expect(PoolClaims.of("bob", on: .d("2026-11-25"), in: f.s)?.customers == [p1, p2])
        // The next day the count starts again.
        try f.commit(desk("2026-11-26", "bob", rules: limits).claim(p3, in: f.s), by: "bob")
        var zero = limits; zero.claimsPerDay = 0
        #expect(throws: PoolError.dailyLimit(claimed: 0, max: 0, day: .d("2026-11-27"))) {
            try desk("2026-11-27", "carol", rules: zero).claim(held, in: f.s)
        }
    }

    @Test func formerOwnerWaitsBeforeReclaiming() throws {
        var f = ReminderFixture()
        let c = f.customer("Boomerang", owner: "alice", ownerSince: "2026-11-01")
        let r = PoolRules(reclaimAfterDays: 30)
        try f.commit(desk("2026-11-10", rules: r).release(c, reason: "too far", in: f.s))
        #expect(throws: PoolError.reclaimTooSoon(customer: c, releasedOn: .d("2026-11-10"), allowedFrom: .d("2026-12-10"))) {
            try desk("2026-12-09", rules: r).claim(c, in: f.s)
        }
        _ = try desk("2026-12-10", rules: r).claim(c, in: f.s)
        // Someone else may claim it at once.
        try f.commit(desk("2026-11-10", "bob", rules: r).claim(c, in: f.s), by: "bob")
        // bob releases it; alice's earlier release is remembered next to bob's.
        try f.commit(desk("2026-11-20", "bob", rules: r).release(c, reason: nil, in: f.s), by: "bob")
        #expect(PoolHistory.of(c, in: f.s)?.released == ["alice": .d("2026-11-10"), "bob": .d("2026-11-20")])
    }

    @Test func releasePermissions() throws {
        var f = ReminderFixture()
        let c = f.customer("Bob's", owner: "bob")
        let locked = f.customer("Locked", owner: "bob", locked: true)
        let p = f.customer("Pool", owner: nil)
        let teams = PoolRules(managers: ["wang"])
        #expect(throws: PoolError.notAllowed(customer: c, reason: "owned by bob; only the owner or a manager may release it")) {
            try desk("2026-11-25", "alice", rules: teams).release(c, reason: nil, in: f.s)
        }
        #expect(throws: PoolError.locked(customer: locked)) { try desk("2026-11-25", "bob", rules: teams).release(locked, reason: nil, in: f.s) }
        #expect(throws: PoolError.inPool(customer: p)) { try desk("2026-11-25", "bob", rules: teams).release(p, reason: nil, in: f.s) }
        let ch = try desk("2026-11-25", "wang", rules: teams).release(c, reason: "left the company", in: f.s)
        try f.commit(ch, by: "wang")
        #expect(PoolHistory.of(c, in: f.s)?.releasedBy == "wang" && PoolHistory.of(c, in: f.s)?.reason == "left the company")
        #expect(throws: PoolError.noCustomer("C999")) { try desk("2026-11-25").release("C999", reason: nil, in: f.s) }
    }

    @Test func assignIsForManagers() throws {
        var f = ReminderFixture()
        let p = f.customer("Pool", owner: nil)
        let teams = PoolRules(maxCustomers: 0, managers: ["wang"])
        #expect(throws: PoolError.self) { try desk("2026-11-25", "alice", rules: teams).assign(p, to: "alice", in: f.s) }
        #expect(throws: PoolError.notAllowed(customer: p, reason: "'张三' is not a login name")) {
            try desk("2026-11-25", "wang", rules: teams).assign(p, to: "张三", in: f.s)
        }
        let ch = try desk("2026-11-25", "wang", rules: teams).assign(p, to: "alice", in: f.s)
        #expect(ch.count == 1 && ch[0].event == "assign")
        try f.commit(ch, by: "wang")
        #expect(f.s.customers[p]!.owner == "alice" && f.s.customers[p]!.ownerSince == .d("2026-11-25"))
        // Transfer of an owned customer.
        try f.commit(desk("2026-11-26", "wang", rules: teams).assign(p, to: "bob", in: f.s), by: "wang")
        #expect(f.s.customers[p]!.owner == "bob")
        #expect(throws: PoolError.alreadyOwned(customer: p, owner: "bob", since: .d("2026-11-26"), you: false)) {
            try desk("2026-11-26", "wang", rules: teams).assign(p, to: "bob", in: f.s)
        }
    }

    @Test func releasedCustomerLosesItsComputedReminders() throws {
        var f = ReminderFixture()
        let c = f.customer("Gone", owner: "alice", contact: "每周联系")
        #expect(f.reminders("2026-03-01").count == 1)
        try f.commit(desk("2026-03-01").release(c, reason: nil, in: f.s))
        #expect(f.reminders("2026-03-01").isEmpty)
    }
}

extension PoolTests {
    @Test func managersActWithinTheirTeams() throws {
        var f = ReminderFixture()
        let east = f.customer("East", owner: "alice")
        let west = f.customer("West", owner: "carol")
        let pool = f.customer("Pool", owner: nil)
        let r = try PoolRules(pool: [:], roles: ["managers": .array(["mgr"]), "admins": .array(["root"])],
                              teams: ["east": .array(["mgr", "alice", "bob"]), "west": .array(["carol"])])
        #expect(r.manages("mgr", "bob") && !r.manages("mgr", "carol") && r.manages("root", "carol"))
        _ = try desk("2026-11-25", "mgr", rules: r).release(east, reason: nil, in: f.s)
        #expect(throws: PoolError.notAllowed(customer: west, reason: "owned by carol, who is not in your team ([teams])")) {
            try desk("2026-11-25", "mgr", rules: r).release(west, reason: nil, in: f.s)
        }
        _ = try desk("2026-11-25", "mgr", rules: r).assign(pool, to: "bob", in: f.s)
        #expect(throws: PoolError.notAllowed(customer: pool, reason: "carol is not in your team ([teams])")) {
            try desk("2026-11-25", "mgr", rules: r).assign(pool, to: "carol", in: f.s)
        }
        _ = try desk("2026-11-25", "root", rules: r).assign(west, to: "bob", in: f.s)
        #expect(throws: PoolError.config(section: "teams", key: "x", reason: "must be a list of logins")) {
            try PoolRules(pool: [:], teams: ["x": .int(3)])
        }
    }
}
