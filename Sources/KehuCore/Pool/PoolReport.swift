/// What `kehu pool` and a pool pane list: the customers in the pool (公海)
/// and the owned ones about to go there.
public enum PoolReport {
    /// One customer in the pool.
    public struct Entry: Hashable, Sendable {
        public var customer: Customer
        public var history: PoolHistory?
        public var lastContact: LocalDate?
        public var lastPurchase: LocalDate?
    }

    /// The customers nobody owns, most recently released first, then by id.
    public static func pool(_ s: Snapshot, calendar: LocalCalendar) -> [Entry] {
        s.customerList.filter(\.inPool).map { c in
            Entry(customer: c, history: PoolHistory.of(c.id, in: s),
                  lastContact: CustomerActivity.lastContactDay(of: c.id, in: s, calendar: calendar),
                  lastPurchase: s.metrics[c.id]?.last)
        }.sorted { a, b in
            let ad = a.history?.releasedOn, bd = b.history?.releasedOn
            if ad != bd { return (ad?.days ?? Int32.min) > (bd?.days ?? Int32.min) }
            return idNumber(a.customer.id) < idNumber(b.customer.id)
        }
    }

    /// Owned customers that go to the pool on or before `asOf + days`, soonest first.
    public static func atRisk(_ s: Snapshot, rules: PoolRules, calendar: LocalCalendar, asOf: LocalDate, within days: Int) -> [ReleasePlan] {
        let last = asOf.adding(days: days)
        return s.customerList.compactMap { c in
            ReleasePlan.of(c, in: s, rules: rules, calendar: calendar).flatMap { $0.date <= last ? $0 : nil }
        }.sorted { ($0.date, idNumber($0.customerId)) < ($1.date, idNumber($1.customerId)) }
    }
}
