/// The reminders a user sees, grouped as the agenda pane and `kehu reminders`
/// show them: overdue, today, the next 7 days, later.
///
/// Built once from `ReminderPlanner.plan`, then filtered and grouped without
/// recomputing; the workstation keeps one and rebuilds it after each refresh.
public struct Agenda: Sendable, Equatable {
    public let asOf: LocalDate
    /// Sorted in agenda order.
    public let reminders: [Reminder]

    public init(asOf: LocalDate, reminders: [Reminder]) {
        self.asOf = asOf
        self.reminders = reminders
    }

    /// Plans a snapshot and keeps what one user should act on (nil: everyone's).
    public init(_ s: Snapshot, planner: ReminderPlanner, assignee: String? = nil) {
        self.init(asOf: planner.asOf, reminders: planner.plan(s, assignee: assignee))
    }

    public func bucket(of r: Reminder) -> AgendaBucket { AgendaBucket.of(r.due, asOf: asOf) }

    public func items(_ bucket: AgendaBucket) -> [Reminder] { reminders.filter { self.bucket(of: $0) == bucket } }

    /// The agenda restricted to one assignee.
    public func assigned(to user: String) -> Agenda { Agenda(asOf: asOf, reminders: reminders.filter { $0.assignee == user }) }

    /// The reminders of one customer (detail pane).
    public func of(customer id: String) -> [Reminder] { reminders.filter { $0.customerId == id } }

    /// Reminders due on or before `asOf + days` (overdue ones included).
    public func due(within days: Int) -> [Reminder] {
        let last = asOf.adding(days: days)
        return reminders.filter { $0.due <= last }
    }

    public func reminder(_ id: String) -> Reminder? { reminders.first { $0.id == id } }

    public var overdueCount: Int { reminders.reduce(0) { $0 + ($1.due < asOf ? 1 : 0) } }
    public var todayCount: Int { reminders.reduce(0) { $0 + ($1.due == asOf ? 1 : 0) } }

    /// The line the workstation shows on start: `3 条逾期，5 条今天到期` /
    /// `3 overdue, 5 due today`.
    public func summary(_ lang: Language) -> String {
        let o = overdueCount, t = todayCount
        switch lang {
        case .zh:
            if o == 0 && t == 0 { return "没有逾期或今天到期的提醒" }
            return "\(o) 条逾期，\(t) 条今天到期"
        case .en:
            if o == 0 && t == 0 { return "no reminders overdue or due today" }
            return "\(o) overdue, \(t) due today"
        }
    }

    /// `逾期 3 天` / `3 days overdue`, `今天` / `today`, `2 天后` / `in 2 days`.
    public func when(_ r: Reminder, _ lang: Language) -> String {
        let d = r.daysOverdue(asOf: asOf)
        switch (lang, d) {
        case (.zh, 0): return "今天"
        case (.zh, _) where d > 0: return "逾期 \(d) 天"
        case (.zh, _): return "\(-d) 天后"
        case (.en, 0): return "today"
        case (.en, 1): return "1 day overdue"
        case (.en, -1): return "tomorrow"
        case (.en, _) where d > 0: return "\(d) days overdue"
        case (.en, _): return "in \(-d) days"
        }
    }
}
