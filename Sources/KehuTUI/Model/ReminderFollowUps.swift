import KehuCore

/// Follow-up dates from the reminders feature (KehuCore/Reminders): for each
/// customer the earliest open reminder — contact cycle run out, purchase due,
/// a manual reminder, a pool warning — with its kind, for the list's
/// 下次跟进 column, the agenda and the customer view. Replaces the simple rule
/// of `FollowUps.simple` when the workstation is started by `kehu`.
public enum ReminderFollowUps {
    public static func source(pool: PoolRules) -> @Sendable (Snapshot, Clock) -> FollowUps {
        { s, clock in make(s, clock: clock, pool: pool) }
    }

    public static func make(_ s: Snapshot, clock: Clock, pool: PoolRules) -> FollowUps {
        let planner = ReminderPlanner(asOf: clock.today, calendar: LocalCalendar(clock.timeZone), pool: pool)
        var due: [String: LocalDate] = [:]
        var kinds: [String: Label] = [:]
        due.reserveCapacity(s.customers.count)
        kinds.reserveCapacity(s.customers.count)
        planner.forEachEarliest(s) { r in
            due[r.customerId] = r.due
            kinds[r.customerId] = r.kind.label
        }
        return FollowUps(due: due, note: Label(zh: "来自提醒:跟进、业务下滑、手动提醒、公海预警中最早的一项",
                                              en: "From reminders: the earliest of follow-up, purchase due, manual and pool warning"),
                         kinds: kinds)
    }
}
