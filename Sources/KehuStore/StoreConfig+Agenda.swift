import Foundation
import KehuCore

/// The store settings reminders and the pool read, resolved the same way for
/// the CLI and the workstation.
extension StoreConfig {
    /// The calendar of "today" and due dates: `[store] timezone`, else the user's
    /// own `timezone` setting, else `TZ`, else the system zone.
    /// - Throws: `ReminderError.unknownTimeZone` naming where a bad name came from.
    public func agendaCalendar(userTimeZone: String? = nil,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LocalCalendar {
        if let name = timeZoneName, !name.isEmpty { return try LocalCalendar.resolve(configured: name, environment: environment) }
        if let name = userTimeZone, !name.isEmpty {
            guard let c = LocalCalendar(identifier: name) else { throw ReminderError.unknownTimeZone(name: name, source: "~/.config/kehu/config.toml: timezone") }
            return c
        }
        return try LocalCalendar.resolve(configured: nil, environment: environment)
    }

    /// The pool rules: `[pool]`, with managers and teams from `[roles]` and `[teams]`.
    /// - Throws: `PoolError.config` naming the bad key.
    public func poolRules() throws -> PoolRules {
        try PoolRules(pool: self["pool"], roles: self["roles"], teams: self["teams"])
    }
}
