import ArgumentParser
import Foundation
import KehuCore
import KehuStore

/// What the reminder and pool commands share: the time zone calendar dates are
/// in, the pool rules, and the day they count as "today".
///
/// The zone and the rules come from `StoreConfig.agendaCalendar` and
/// `StoreConfig.poolRules` (shared with the workstation). `--as-of DATE`
/// replaces today, so a run can be reproduced later.
struct AgendaSetup {
    let calendar: LocalCalendar
    let rules: PoolRules
    let today: LocalDate

    init(store: Store, asOf: String? = nil) throws {
        calendar = try store.config.agendaCalendar(userTimeZone: (try? UserConfig.load())?.timezone)
        rules = try store.config.poolRules()
        today = try asOf.map { try AgendaSetup.date($0, option: "--as-of") } ?? calendar.today()
    }

    var planner: ReminderPlanner { ReminderPlanner(asOf: today, calendar: calendar, pool: rules) }

    func pool(user: String) -> PoolActions { PoolActions(rules: rules, calendar: calendar, today: today, user: user) }

    /// Parses a `YYYY-MM-DD` option value, naming the option when it is wrong.
    static func date(_ text: String, option: String) throws -> LocalDate {
        guard let d = LocalDate(text) else { throw ValidationError("\(option): '\(text)' is not a date (YYYY-MM-DD)") }
        return d
    }
}

/// One reminder or pool action, done the same way by every such command:
/// open the store, read the setup, and build the change from the latest
/// snapshot — under the write lock for a store folder, so a racing claim sees
/// the winner's owner. Through `kehu serve` the build runs on the client and the
/// server refuses a stale version; then the action is rebuilt on the new state,
/// which turns "conflict" into the real reason ("already claimed by bob").
struct AgendaAction {
    let store: any Store
    let setup: AgendaSetup
    let entries: [JournalEntry]

    init(_ options: StoreOptions, _ build: (AgendaSetup, any Store, Snapshot) throws -> [Change]) throws {
        let store = try options.open()
        let setup = try AgendaSetup(store: store)
        self.store = store
        self.setup = setup
        var attempt = 0
        while true {
            attempt += 1
            do {
                self.entries = try store.commit { s in try build(setup, store, s) }
                return
            } catch let e as StoreError where AgendaAction.isStale(e) && attempt < 3 {
                try store.refresh()
            }
        }
    }

    /// True when the server refused the batch only because the state moved on
    /// (a record changed, or a record this batch creates now exists).
    static func isStale(_ e: StoreError) -> Bool {
        guard case .rejected(let errors) = e, !errors.isEmpty else { return false }
        return errors.allSatisfy {
            switch $0 {
            case .conflict, .alreadyExists: return true
            default: return false
            }
        }
    }

    /// The reminder changes as of today, for the acting user.
    static func reminders(_ setup: AgendaSetup, _ store: any Store) -> ReminderChanges {
        ReminderChanges(planner: setup.planner, user: store.user, now: .now)
    }

    /// The id of the first record written, or `fallback`.
    func id(or fallback: String) -> String { entries.first?.change.id ?? fallback }

    /// `C12 公司名` for the customer the first change touched.
    func customerLabel(or fallback: String) -> String {
        let id = id(or: fallback)
        return "\(id) \(store.snapshot.customers[id]?.name ?? "")"
    }
}
