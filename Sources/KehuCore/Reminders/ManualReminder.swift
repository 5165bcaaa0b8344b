/// A reminder someone set by hand: a `reminder` record (id `R5`) in
/// `Snapshot.extras["reminder"]`.
///
/// Fields as the journal stores them: `customer` (C12), `due` (YYYY-MM-DD, the
/// user's calendar day), `time` (HH:MM, optional), `note`, `assignee` (login),
/// `status` (open / done / snoozed / dismissed), `snoozeUntil` (YYYY-MM-DD),
/// `reason` (why it was dismissed), `created` (UTC instant, so that only
/// contacts logged after it can resolve it).
public struct ManualReminder: Hashable, Sendable {
    public enum Status: String, CaseIterable, Sendable { case open, done, snoozed, dismissed }

    public static let entity = Entity.reminder.rawValue
    public static let fieldNames = ["customer", "due", "time", "note", "assignee", "status", "snoozeUntil", "reason", "created"]

    public var id: String
    public var version: Int
    public var customerId: String
    public var due: LocalDate
    public var time: String?
    public var note: String
    public var assignee: String?
    public var status: Status
    public var snoozeUntil: LocalDate?
    public var reason: String?
    public var created: Timestamp?

    /// Reads a record; nil when it lacks a customer or a valid due date (a
    /// hand-edited journal), so one bad record never hides the others.
    public init?(id: String, fields f: [String: Value]) {
        guard let c = f["customer"]?.stringValue, !c.isEmpty,
              let due = f["due"]?.stringValue.flatMap({ LocalDate($0) }) else { return nil }
        self.id = id
        self.version = Int(f["_version"]?.intValue ?? 0)
        self.customerId = c
        self.due = due
        self.time = f["time"]?.stringValue
        self.note = f["note"]?.stringValue ?? ""
        self.assignee = f["assignee"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        self.status = f["status"]?.stringValue.flatMap { Status(rawValue: $0) } ?? .open
        self.snoozeUntil = f["snoozeUntil"]?.stringValue.flatMap { LocalDate($0) }
        self.reason = f["reason"]?.stringValue
        self.created = f["created"]?.stringValue.flatMap { Timestamp($0) }
    }

    /// Every manual reminder in a snapshot, by customer.
    public static func all(in s: Snapshot) -> [String: [ManualReminder]] {
        var out: [String: [ManualReminder]] = [:]
        for (id, f) in s.extras[entity] ?? [:] {
            if let r = ManualReminder(id: id, fields: f) { out[r.customerId, default: []].append(r) }
        }
        return out
    }

    /// The manual reminders of one customer (reads only the records that name it).
    public static func of(customer id: String, in s: Snapshot) -> [ManualReminder] {
        var out: [ManualReminder] = []
        for (rid, f) in s.extras[entity] ?? [:] where f["customer"]?.stringValue == id {
            if let r = ManualReminder(id: rid, fields: f) { out.append(r) }
        }
        return out
    }

    /// Parses `HH:MM` (24-hour); returns the normalized text or nil.
    public static func parseTime(_ s: String) -> String? {
        let p = s.split(separator: ":", omittingEmptySubsequences: false)
        guard p.count == 2, p[0].count <= 2, p[1].count == 2, let h = Int(p[0]), let m = Int(p[1]),
              (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return pad(h, 2) + ":" + pad(m, 2)
    }
}

/// A snooze or dismissal of a computed reminder: a `reminderAction` record whose
/// id is the reminder's id (`contact:C12:2026-11-30`).
///
/// Fields: `action` (snooze / dismiss), `until` (YYYY-MM-DD, snooze), `reason`
/// (dismiss), `on` (the user's calendar day it was done, so a dismissed
/// contact or purchase reminder comes back one cycle later).
public struct ReminderAction: Hashable, Sendable {
    public enum Action: String, Sendable { case snooze, dismiss }

    public static let entity = "reminderAction"

    public var id: String
    public var version: Int
    public var action: Action
    public var until: LocalDate?
    public var reason: String?
    public var on: LocalDate?

    public init?(id: String, fields f: [String: Value]) {
        guard let a = f["action"]?.stringValue.flatMap({ Action(rawValue: $0) }) else { return nil }
        self.id = id
        self.version = Int(f["_version"]?.intValue ?? 0)
        self.action = a
        self.until = f["until"]?.stringValue.flatMap { LocalDate($0) }
        self.reason = f["reason"]?.stringValue
        self.on = f["on"]?.stringValue.flatMap { LocalDate($0) }
    }

    public static func find(_ id: String, in s: Snapshot) -> ReminderAction? {
        s.extras[entity]?[id].flatMap { ReminderAction(id: id, fields: $0) }
    }
}
