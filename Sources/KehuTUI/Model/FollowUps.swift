import KehuCore

/// When each customer is next due for a follow-up.
///
/// This is the simple rule, used until the reminders feature (KehuCore/Reminders)
/// supplies real reminders through `WorkstationOptions.followUps`: the last
/// contact (or, with none, the day the owner took the customer or it was
/// created) plus the cycle of its contact strategy (联系策略). Customers without
/// a strategy have no due date.
public struct FollowUps: Sendable {
    /// Customer id → due date.
    public var due: [String: LocalDate]
    /// Shown under the agenda so users know how dates were made.
    public var note: Label
    /// What the due item is, per customer, when the source knows (跟进, 业务下滑, 公海预警 …).
    public var kinds: [String: Label]

    public init(due: [String: LocalDate], note: Label, kinds: [String: Label] = [:]) {
        self.due = due; self.note = note; self.kinds = kinds
    }

    public static func simple(_ s: Snapshot, clock: Clock) -> FollowUps {
        var due: [String: LocalDate] = [:]
        var cycleOf: [String: Int] = [:]
        for e in s.dictionary.entries(.contactStrategy) { if let d = e.cycleDays { cycleOf[e.code] = d } }
        // One pass over the interactions (no per-customer id lookups): the last contact of each customer.
        var lastContact: [String: Timestamp] = [:]
        lastContact.reserveCapacity(s.customers.count)
        for i in s.interactions.values where i.kind == .contact {
            if let t = lastContact[i.customerId], t >= i.at { continue }
            lastContact[i.customerId] = i.at
        }
        for c in s.customers.values {
            guard let code = c.contactStrategy, let cycle = cycleOf[code] ?? s.dictionary.cycleDays(.contactStrategy, code) else { continue }
            let base = lastContact[c.id].map(clock.date) ?? c.ownerSince ?? clock.date(c.createdAt)
            due[c.id] = base.adding(days: cycle)
        }
        return FollowUps(due: due, note: Label(zh: "下次跟进 = 最近联系 + 联系策略周期(简单规则)",
                                              en: "Next follow-up = last contact + contact-strategy cycle (simple rule)"))
    }
}
