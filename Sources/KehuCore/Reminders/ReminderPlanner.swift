/// Computes every open reminder of a snapshot as of a day: a pure function of
/// (snapshot, day, time zone, pool rules), so `--as-of` reproduces it exactly.
///
/// Per owned customer:
/// - contact (跟进): due = last contact day (or the creation day) + the contact
///   strategy's `cycleDays`;
/// - purchase (业务下滑): due = last purchase date (or the creation day, for a
///   customer who never bought: it was expected to buy within one cycle of
///   being entered) + the purchase strategy's `cycleDays`;
/// - pool warning (公海预警): `warnDays` before the customer's `ReleasePlan` date.
///
/// Customers in the pool get no computed reminders (nobody to remind; the pool
/// listing shows them). A strategy without a cycle, or none, plans nothing;
/// changing the strategy simply changes the result of the next computation.
///
/// A `reminderAction` record against a computed id moves it: a snooze to its
/// `until` day; a dismissal skips that occurrence, and the next one of a contact
/// or purchase reminder falls due one cycle after the later of the planned day
/// and the day it was dismissed. Manual reminders come from `reminder` records;
/// one is resolved when a contact with its customer is logged after it was set
/// and on or after its due day, or when its status is done or dismissed.
///
/// Snoozed reminders are returned with `due` = the snooze day, so they sit in
/// the future until that day and then count as due like any other.
public struct ReminderPlanner: Sendable {
    public var asOf: LocalDate
    public var calendar: LocalCalendar
    public var pool: PoolRules

    public init(asOf: LocalDate, calendar: LocalCalendar, pool: PoolRules = PoolRules()) {
        self.asOf = asOf; self.calendar = calendar; self.pool = pool
    }

    /// Every open reminder in the snapshot, sorted (see `Reminder.agendaOrder`).
    public func plan(_ s: Snapshot) -> [Reminder] {
        let manual = ManualReminder.all(in: s)
        var out: [Reminder] = []
        out.reserveCapacity(s.customers.count / 4)
        for c in s.customers.values {
            out += computed(c, in: s)
            if let list = manual[c.id] { out += list.compactMap { self.manual($0, customer: c, in: s) } }
        }
        return out.sorted(by: Reminder.agendaOrder)
    }

    /// The open reminders of one customer (the detail pane), sorted.
    public func plan(_ s: Snapshot, customer id: String) -> [Reminder] {
        guard let c = s.customers[id] else { return [] }
        let list = ManualReminder.all(in: s)[id] ?? []
        return (computed(c, in: s) + list.compactMap { manual($0, customer: c, in: s) }).sorted(by: Reminder.agendaOrder)
    }

    // MARK: - Computed reminders

    func computed(_ c: Customer, in s: Snapshot) -> [Reminder] {
        guard let owner = c.owner else { return [] }
        var out: [Reminder] = []
        let contactCycle = s.dictionary.cycleDays(.contactStrategy, c.contactStrategy)
        let purchaseCycle = s.dictionary.cycleDays(.purchaseStrategy, c.purchaseStrategy)
        var created: LocalDate?
        func createdDay() -> LocalDate {
            if let d = created { return d }
            let d = CustomerActivity.createdDay(c, calendar: calendar); created = d; return d
        }
        if let cycle = contactCycle, cycle > 0 {
            let last = CustomerActivity.lastContactDay(of: c.id, in: s, calendar: calendar)
            var r = Reminder(id: "", kind: .contact, customerId: c.id, customerName: c.name, assignee: owner, due: asOf)
            r.strategy = c.contactStrategy
            if let last { r.basis = last; r.basisKind = .lastContact } else { r.basis = createdDay(); r.basisKind = .created }
            if let r = cycling(r, cycle: cycle, in: s) { out.append(r) }
        }
        if let cycle = purchaseCycle, cycle > 0 {
            var r = Reminder(id: "", kind: .purchase, customerId: c.id, customerName: c.name, assignee: owner, due: asOf)
            r.strategy = c.purchaseStrategy
            if let last = s.metrics[c.id]?.last { r.basis = last; r.basisKind = .lastPurchase } else { r.basis = createdDay(); r.basisKind = .created }
            if let r = cycling(r, cycle: cycle, in: s) { out.append(r) }
        }
        if pool.warnDays != nil, let plan = ReleasePlan.of(c, in: s, rules: pool, calendar: calendar), let warn = plan.warnOn {
            var r = Reminder(id: Reminder.computedId(.pool, customer: c.id, planned: warn), kind: .pool, customerId: c.id,
                             customerName: c.name, assignee: owner, due: warn, note: plan.explanation(.zh) + " / " + plan.explanation(.en))
            r.basis = plan.since
            r.basisKind = plan.since == c.ownerSince ? .ownerSince : (plan.reason == .noDeal ? .lastPurchase : .lastContact)
            r.cycleDays = plan.limitDays
            if let r = applyingAction(r, in: s) { out.append(r) }
        }
        return out
    }

    /// Plans a cyclic reminder from its basis, skipping dismissed occurrences
    /// (each skip moves the plan at least one cycle on, so this ends).
    private func cycling(_ start: Reminder, cycle: Int, in s: Snapshot) -> Reminder? {
        var r = start
        r.cycleDays = cycle
        var planned = r.basis!.adding(days: cycle)
        for _ in 0..<1000 {
            r.planned = planned
            r.due = planned
            r.id = Reminder.computedId(r.kind, customer: r.customerId, planned: planned)
            guard let a = ReminderAction.find(r.id, in: s), a.action == .dismiss else { return applyingAction(r, in: s) }
            let from = max(a.on ?? planned, planned)
            r.basis = from
            r.basisKind = .dismissed
            planned = from.adding(days: cycle)
        }
        return nil
    }

    /// Applies a snooze (moves `due`) or a dismissal (nil) recorded against the id.
    private func applyingAction(_ r: Reminder, in s: Snapshot) -> Reminder? {
        guard let a = ReminderAction.find(r.id, in: s) else { return r }
        switch a.action {
        case .dismiss: return nil
        case .snooze:
            guard let until = a.until else { return r }
            var out = r
            out.due = until
            out.snoozedUntil = until
            return out
        }
    }

    // MARK: - Manual reminders

    func manual(_ m: ManualReminder, customer c: Customer, in s: Snapshot) -> Reminder? {
        switch m.status {
        case .done, .dismissed: return nil
        case .open, .snoozed: break
        }
        if let at = CustomerActivity.lastInteraction(of: c.id, in: s), m.created.map({ at > $0 }) ?? true,
           calendar.date(of: at) >= m.due {
            return nil
        }
        var r = Reminder(id: m.id, kind: .manual, customerId: c.id, customerName: c.name, assignee: m.assignee ?? c.owner,
                         due: m.due, note: m.note)
        r.time = m.time
        if m.status == .snoozed, let until = m.snoozeUntil {
            r.due = until
            r.snoozedUntil = until
        }
        return r
    }
}

extension Reminder {
    /// Agenda order: by due day; within a day timed reminders first by time,
    /// then by kind (manual, pool, purchase, contact), then by customer number.
    public static func agendaOrder(_ a: Reminder, _ b: Reminder) -> Bool {
        if a.due != b.due { return a.due < b.due }
        if a.time != b.time {
            guard let at = a.time else { return false }
            guard let bt = b.time else { return true }
            return at < bt
        }
        if a.kind.rank != b.kind.rank { return a.kind.rank < b.kind.rank }
        let an = idNumber(a.customerId), bn = idNumber(b.customerId)
        if an != bn { return an < bn }
        return a.id < b.id
    }
}
