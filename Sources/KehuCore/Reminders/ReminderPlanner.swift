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

    /// Every open reminder in the snapshot, sorted (see `Reminder.agendaOrder`);
    /// with an assignee, only theirs (computed without planning anyone else's
    /// customers, which is what makes "mine" cheap in a large team).
    public func plan(_ s: Snapshot, assignee: String? = nil) -> [Reminder] {
        let ctx = PlanContext(s)
        let manual = ManualReminder.all(in: s)
        var out: [Reminder] = []
        out.reserveCapacity(assignee == nil ? s.customers.count * 2 : 64)
        for c in s.customers.values {
            if assignee == nil || c.owner == assignee { computed(c, ctx, into: &out) }
            if let list = manual[c.id] {
                for m in list { if let r = self.manual(m, customer: c, in: s), assignee == nil || r.assignee == assignee { out.append(r) } }
            }
        }
        return Reminder.sortedForAgenda(out)
    }

    /// The open reminders of one customer (detail pane), sorted.
    public func plan(_ s: Snapshot, customer id: String) -> [Reminder] {
        guard let c = s.customers[id] else { return [] }
        var out: [Reminder] = []
        computed(c, PlanContext(s), into: &out)
        out += ManualReminder.of(customer: id, in: s).compactMap { manual($0, customer: c, in: s) }
        return Reminder.sortedForAgenda(out)
    }

    // MARK: - Computed reminders

    /// What one planning run looks up for every customer, read once.
    struct PlanContext {
        let s: Snapshot
        let contactCycles: [String: Int]
        let purchaseCycles: [String: Int]
        let actions: [String: [String: Value]]

        init(_ s: Snapshot) {
            self.s = s
            func cycles(_ k: DictionaryKind) -> [String: Int] {
                var m: [String: Int] = [:]
                for e in s.dictionary.lists[k] ?? [] { if let c = e.cycleDays, c > 0 { m[e.code] = c } }
                return m
            }
            contactCycles = cycles(.contactStrategy)
            purchaseCycles = cycles(.purchaseStrategy)
            actions = s.extras[ReminderAction.entity] ?? [:]
        }

        func action(_ r: Reminder) -> ReminderAction? {
            guard !actions.isEmpty else { return nil }
            let id = r.id
            return actions[id].flatMap { ReminderAction(id: id, fields: $0) }
        }
    }

    func computed(_ c: Customer, _ ctx: PlanContext, into out: inout [Reminder]) {
        guard let owner = c.owner else { return }
        let s = ctx.s
        let contactCycle = c.contactStrategy.flatMap { ctx.contactCycles[$0] }
        let purchaseCycle = c.purchaseStrategy.flatMap { ctx.purchaseCycles[$0] }
        let wantsPool = pool.warnDays != nil && pool.releases && !c.locked
        guard contactCycle != nil || purchaseCycle != nil || wantsPool else { return }
        var created: LocalDate?
        func createdDay() -> LocalDate {
            if let d = created { return d }
            let d = CustomerActivity.createdDay(c, calendar: calendar); created = d; return d
        }
        var lastContact: LocalDate??
        func lastContactDay() -> LocalDate? {
            if let d = lastContact { return d }
            let d = CustomerActivity.lastContactDay(of: c.id, in: s, calendar: calendar); lastContact = .some(d); return d
        }
        if let cycle = contactCycle {
            var r = Reminder(kind: .contact, customerId: c.id, customerName: c.name, assignee: owner, due: asOf)
            r.strategy = c.contactStrategy
            if let last = lastContactDay() { r.basis = last; r.basisKind = .lastContact } else { r.basis = createdDay(); r.basisKind = .created }
            if let r = cycling(r, cycle: cycle, ctx) { out.append(r) }
        }
        if let cycle = purchaseCycle {
            var r = Reminder(kind: .purchase, customerId: c.id, customerName: c.name, assignee: owner, due: asOf)
            r.strategy = c.purchaseStrategy
            if let last = s.metrics[c.id]?.last { r.basis = last; r.basisKind = .lastPurchase } else { r.basis = createdDay(); r.basisKind = .created }
            if let r = cycling(r, cycle: cycle, ctx) { out.append(r) }
        }
        if wantsPool, let plan = ReleasePlan.of(c, in: s, rules: pool, calendar: calendar, lastContact: lastContactDay), let warn = plan.warnOn {
            var r = Reminder(kind: .pool, customerId: c.id,
                             customerName: c.name, assignee: owner, due: warn)
            r.release = plan
            r.basis = plan.since
            r.basisKind = plan.since == c.ownerSince ? .ownerSince : (plan.reason == .noDeal ? .lastPurchase : .lastContact)
            r.cycleDays = plan.limitDays
            if let r = applyingAction(r, ctx) { out.append(r) }
        }
    }

    /// Plans a cyclic reminder from its basis, skipping dismissed occurrences
    /// (each skip moves the plan at least one cycle on, so this ends).
    private func cycling(_ start: Reminder, cycle: Int, _ ctx: PlanContext) -> Reminder? {
        var r = start
        r.cycleDays = cycle
        var planned = r.basis!.adding(days: cycle)
        for _ in 0..<1000 {
            r.planned = planned
            r.due = planned
            guard let a = ctx.action(r), a.action == .dismiss else { return applyingAction(r, ctx) }
            let from = max(a.on ?? planned, planned)
            r.basis = from
            r.basisKind = .dismissed
            planned = from.adding(days: cycle)
        }
        return nil
    }

    /// Applies a snooze (moves `due`) or a dismissal (nil) recorded against the id.
    private func applyingAction(_ r: Reminder, _ ctx: PlanContext) -> Reminder? {
        guard let a = ctx.action(r) else { return r }
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
    public static func agendaOrder(_ a: Reminder, _ b: Reminder) -> Bool { SortKey(a, 0) < SortKey(b, 0) }

    /// Sorts in agenda order by small integer keys, so the (large) reminder
    /// values are moved once instead of at every step of the sort.
    static func sortedForAgenda(_ list: [Reminder]) -> [Reminder] {
        var keys = list.indices.map { SortKey(list[$0], $0) }
        keys.sort(by: <)
        return keys.map { list[$0.index] }
    }

    /// The agenda order packed into two integers: (due day, minute, kind) and
    /// (customer number, manual reminder number); the index keeps it stable.
    struct SortKey: Comparable {
        var major: Int64, minor: Int64, index: Int

        init(_ r: Reminder, _ index: Int) {
            let minute = Int64(r.time.map { idNumber($0) } ?? 9_999)  // "09:30" → 930; untimed last
            major = (Int64(r.due.days) << 20) | (minute << 4) | Int64(r.kind.rank)
            minor = (Int64(idNumber(r.customerId) & 0xFFFF_FFFF) << 31) | Int64((r.manualId.map(idNumber) ?? 0) & 0x7FFF_FFFF)
            self.index = index
        }

        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.major != b.major { return a.major < b.major }
            if a.minor != b.minor { return a.minor < b.minor }
            return a.index < b.index
        }
    }
}
