import ArgumentParser
import Foundation
import KehuCore
import KehuStore

/// What the reminder and pool commands share: the time zone calendar dates are
/// in, the pool rules, and the day they count as "today".
///
/// The zone is the store's `[store] timezone`, else `timezone` in the user's
/// config, else `TZ`, else the system zone; the pool rules are `[pool]` (with
/// managers also from `[roles]`). `--as-of DATE` replaces today, so a run can be
/// reproduced later.
struct AgendaSetup {
    let calendar: LocalCalendar
    let rules: PoolRules
    let today: LocalDate

    init(store: Store, asOf: String? = nil) throws {
        let configured = store.config.timeZoneName ?? (try? UserConfig.load())?.timezone
        calendar = try LocalCalendar.resolve(configured: configured, environment: ProcessInfo.processInfo.environment)
        rules = try PoolRules(pool: store.config["pool"], roles: store.config["roles"])
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
/// open the store, read the setup, and build the change under the write lock
/// from the latest snapshot (so a racing claim sees the winner's owner).
struct AgendaAction {
    let store: any Store
    let setup: AgendaSetup
    let entries: [JournalEntry]

    init(_ options: StoreOptions, _ build: (AgendaSetup, any Store, Snapshot) throws -> [Change]) throws {
        let store = try options.open()
        let setup = try AgendaSetup(store: store)
        self.store = store
        self.setup = setup
        self.entries = try store.commit { s in try build(setup, store, s) }
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
