/// When an owned customer goes back to the pool (公海) if nothing happens, and why.
///
/// The no-follow-up clock counts from the later of `ownerSince` and the last
/// contact; the no-deal clock from the later of `ownerSince` and the last
/// purchase. The customer goes on the first day either clock reaches its
/// limit: with `noFollowUpDays = 30` and a last contact on 2026-11-01 it goes on
/// 2026-12-01 (30 days without follow-up). A pool customer, a locked one, or a
/// store without release rules has no plan.
public struct ReleasePlan: Hashable, Sendable {
    public enum Reason: String, Sendable { case noFollowUp, noDeal }

    public var customerId: String
    /// The day the customer is released (a sweep on or after this day releases it).
    public var date: LocalDate
    public var reason: Reason
    /// The day the clock that decides counts from.
    public var since: LocalDate
    public var limitDays: Int
    /// The day the 公海预警 reminder falls due, when `warnDays` is set.
    public var warnOn: LocalDate?

    /// One line for the journal, the pool listing and the warning reminder.
    public func explanation(_ lang: Language) -> String {
        switch (reason, lang) {
        case (.noFollowUp, .zh): return "自 \(since) 起 \(limitDays) 天未跟进，\(date) 转入公海"
        case (.noDeal, .zh): return "自 \(since) 起 \(limitDays) 天未成交，\(date) 转入公海"
        case (.noFollowUp, .en): return "no follow-up for \(limitDays) days since \(since): goes to the pool on \(date)"
        case (.noDeal, .en): return "no deal for \(limitDays) days since \(since): goes to the pool on \(date)"
        }
    }

    /// The plan for one customer, or nil when it cannot be released automatically.
    public static func of(_ c: Customer, in s: Snapshot, rules: PoolRules, calendar: LocalCalendar) -> ReleasePlan? {
        of(c, in: s, rules: rules, calendar: calendar, lastContact: { CustomerActivity.lastContactDay(of: c.id, in: s, calendar: calendar) })
    }

    /// The same, with the last contact day supplied by a caller that already has it.
    static func of(_ c: Customer, in s: Snapshot, rules: PoolRules, calendar: LocalCalendar,
                   lastContact: () -> LocalDate?) -> ReleasePlan? {
        guard c.owner != nil, !c.locked, rules.releases else { return nil }
        let start = c.ownerSince ?? CustomerActivity.createdDay(c, calendar: calendar)
        var best: ReleasePlan?
        if let n = rules.noFollowUpDays {
            let last = lastContact()
            let since = max(start, last ?? start)
            best = ReleasePlan(customerId: c.id, date: since.adding(days: n), reason: .noFollowUp, since: since, limitDays: n)
        }
        if let m = rules.noDealDays {
            let last = s.metrics[c.id]?.last
            let since = max(start, last ?? start)
            let p = ReleasePlan(customerId: c.id, date: since.adding(days: m), reason: .noDeal, since: since, limitDays: m)
            if best == nil || p.date < best!.date { best = p }
        }
        if let k = rules.warnDays, let d = best?.date { best?.warnOn = d.adding(days: -k) }
        return best
    }
}
