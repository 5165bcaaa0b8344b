/// Claim (领取), release and assign (分配) as journal changes, checked against
/// the pool rules. Pure: call them inside `store.commit { snapshot in … }`,
/// which runs under the store's write lock with the latest snapshot and
/// every customer change carries `base` = the version it saw. So when two
/// users claim the same customer at once, the second build sees the first
/// one's owner and is refused with `PoolError.alreadyOwned` ("already claimed
/// by X"); a writer that bypassed the lock would get a version conflict.
///
/// Each action is a customer update with `event` = claim / release / assign
/// setting `owner` and `ownerSince`; the journal entry records who and when.
public struct PoolActions: Sendable {
    public var rules: PoolRules
    public var calendar: LocalCalendar
    /// The day the action counts as done on (today, or `--as-of` for a sweep).
    public var today: LocalDate
    /// The login acting.
    public var user: String

    public init(rules: PoolRules, calendar: LocalCalendar, today: LocalDate, user: String) {
        self.rules = rules; self.calendar = calendar; self.today = today; self.user = user
    }

    // MARK: - Claim

    /// Takes a pool customer for the acting user.
    public func claim(_ ref: String, in s: Snapshot) throws(PoolError) -> [Change] {
        let c = try customer(ref, in: s)
        if let owner = c.owner { throw .alreadyOwned(customer: c.id, owner: owner, since: c.ownerSince, you: owner == user) }
        if let wait = rules.reclaimAfterDays, let on = PoolHistory.of(c.id, in: s)?.released[user] {
            let from = on.adding(days: wait)
            if today < from { throw .reclaimTooSoon(customer: c.id, releasedOn: on, allowedFrom: from) }
        }
        if let max = rules.maxCustomers {
            let held = heldCount(user, in: s)
            if held >= max { throw .holdingLimit(held: held, max: max) }
        }
        let claims = PoolClaims.of(user, on: today, in: s)
        if let max = rules.claimsPerDay, (claims?.count ?? 0) >= max {
            throw .dailyLimit(claimed: claims?.count ?? 0, max: max, day: today)
        }
        let id = PoolClaims.id(user, today)
        let count = Value.int(Int64((claims?.count ?? 0) + 1))
        let list = Value((claims?.customers ?? []) + [c.id])
        let record = claims.map {
            Change(op: .update, entity: PoolClaims.entity, id: id, base: $0.version, fields: ["count": count, "customers": list])
        } ?? Change(op: .create, entity: PoolClaims.entity, id: id, fields: ["count": count, "customers": list])
        return [ownerChange(c, to: user, event: "claim"), record]
    }

    /// Customers a user holds that count toward `maxCustomers`.
    public func heldCount(_ user: String, in s: Snapshot) -> Int {
        var n = 0
        for c in s.customers.values where c.owner == user {
            if rules.exemptWithDeals, (s.metrics[c.id]?.count ?? 0) > 0 { continue }
            n += 1
        }
        return n
    }

    // MARK: - Release

    /// Puts a customer back in the pool by hand: its owner or a manager.
    public func release(_ ref: String, reason: String?, in s: Snapshot) throws(PoolError) -> [Change] {
        let c = try customer(ref, in: s)
        guard let owner = c.owner else { throw .inPool(customer: c.id) }
        guard owner == user || rules.isManager(user) else {
            throw .notAllowed(customer: c.id, reason: "owned by \(owner); only the owner or a manager may release it")
        }
        guard owner == user || rules.manages(user, owner) else {
            throw .notAllowed(customer: c.id, reason: "owned by \(owner), who is not in your team ([teams])")
        }
        if c.locked { throw .locked(customer: c.id) }
        let text = reason.flatMap { $0.isEmpty ? nil : $0 } ?? "released by \(user)"
        return releaseChanges(c, owner: owner, rule: "manual", reason: text, in: s)
    }

    /// Releases every customer whose `ReleasePlan` date is on or before `today`.
    /// Returns no changes when none is due (or no rule is configured).
    public func sweep(in s: Snapshot) -> [Change] {
        var out: [Change] = []
        for id in s.customers.keys.sorted(by: { idNumber($0) < idNumber($1) }) {
            guard let c = s.customers[id], let owner = c.owner, let plan = ReleasePlan.of(c, in: s, rules: rules, calendar: calendar),
                  plan.date <= today else { continue }
            out += releaseChanges(c, owner: owner, rule: plan.reason.rawValue, reason: plan.explanation(.en), in: s)
        }
        return out
    }

    /// The customers a sweep on `today` would release, with their plans.
    public func due(in s: Snapshot) -> [ReleasePlan] {
        s.customerList.compactMap { c in
            ReleasePlan.of(c, in: s, rules: rules, calendar: calendar).flatMap { $0.date <= today ? $0 : nil }
        }
    }

    private func releaseChanges(_ c: Customer, owner: String, rule: String, reason: String, in s: Snapshot) -> [Change] {
        let h = PoolHistory.of(c.id, in: s)
        var released: [String: Value] = [:]
        for (k, d) in h?.released ?? [:] { released[k] = .string(d.description) }
        released[owner] = .string(today.description)
        let fields: [String: Value] = ["released": .object(released), "lastOwner": .string(owner),
                                       "releasedOn": .string(today.description), "releasedBy": .string(user),
                                       "rule": .string(rule), "reason": .string(reason)]
        let record = h.map { Change(op: .update, entity: PoolHistory.entity, id: c.id, base: $0.version, fields: fields) }
            ?? Change(op: .create, entity: PoolHistory.entity, id: c.id, fields: fields)
        return [ownerChange(c, to: nil, event: "release"), record]
    }

    // MARK: - Assign

    /// Gives a customer to a team member: managers only. A pool customer is
    /// assigned; an owned one is transferred. No holding or daily limit applies
    /// (the manager decides).
    public func assign(_ ref: String, to login: String, in s: Snapshot) throws(PoolError) -> [Change] {
        let c = try customer(ref, in: s)
        guard rules.isManager(user) else {
            throw .notAllowed(customer: c.id, reason: "only a manager may assign customers ([pool] managers or [roles] managers)")
        }
        guard !login.isEmpty, login.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
            throw .notAllowed(customer: c.id, reason: "'\(login)' is not a login name")
        }
        if c.owner == login { throw .alreadyOwned(customer: c.id, owner: login, since: c.ownerSince, you: login == user) }
        guard rules.manages(user, login) else { throw .notAllowed(customer: c.id, reason: "\(login) is not in your team ([teams])") }
        if let owner = c.owner, !rules.manages(user, owner) {
            throw .notAllowed(customer: c.id, reason: "owned by \(owner), who is not in your team ([teams])")
        }
        return [ownerChange(c, to: login, event: "assign")]
    }

    // MARK: - Helpers

    private func customer(_ ref: String, in s: Snapshot) throws(PoolError) -> Customer {
        guard let c = s.customer(ref) else { throw .noCustomer(ref) }
        return c
    }

    private func ownerChange(_ c: Customer, to owner: String?, event: String) -> Change {
        .update(.customer, id: c.id, base: c.version,
                ["owner": Value(owner), "ownerSince": owner == nil ? .null : .string(today.description)], event: event)
    }
}
