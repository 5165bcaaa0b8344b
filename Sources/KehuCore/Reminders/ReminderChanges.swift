import Foundation

/// Builds the journal changes that create and act on reminders, after checking
/// them against the snapshot. Pure: the CLI and the workstation call these
/// inside `store.commit { snapshot in … }` so the check sees the latest state.
///
/// - A manual reminder is a `reminder` create (the store assigns `R…`).
/// - Snoozing or dismissing a manual reminder updates its record (`status`,
///   `snoozeUntil`, `reason`) at its current version.
/// - Snoozing or dismissing a computed one creates or updates the
///   `reminderAction` record whose id is the reminder's id (with a `customer`
///   field, so that in team mode only those who see the customer see it).
public struct ReminderChanges: Sendable {
    /// The planner as of today, used to find computed reminders and to know "today".
    public var planner: ReminderPlanner
    /// The login acting.
    public var user: String
    /// Now, stored as `created` on new reminders.
    public var now: Timestamp

    public init(planner: ReminderPlanner, user: String, now: Timestamp) {
        self.planner = planner; self.user = user; self.now = now
    }

    var today: LocalDate { planner.asOf }

    /// A new manual reminder.
    /// - Parameters:
    ///   - customer: `C12` or the customer's external id (客户编号).
    ///   - time: `HH:MM`, optional.
    ///   - assignee: default the customer's owner, else the user.
    public func create(customer ref: String, due: LocalDate, time: String?, note: String, assignee: String?,
                       in s: Snapshot) throws(ReminderError) -> Change {
        guard let c = s.customer(ref) else { throw .noCustomer(ref) }
        guard due >= today else { throw .invalid(field: "due", reason: "\(due) is before today (\(today))") }
        let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .invalid(field: "note", reason: "is required (what should be done?)") }
        var f: [String: Value] = ["customer": .string(c.id), "due": .string(due.description), "note": .string(text),
                                  "status": "open", "created": .string(now.description)]
        if let time {
            guard let t = ManualReminder.parseTime(time) else { throw .invalid(field: "time", reason: "'\(time)' is not a time (HH:MM, 24-hour)") }
            f["time"] = .string(t)
        }
        let who = assignee ?? c.owner ?? user
        guard isLogin(who) else { throw .invalid(field: "assignee", reason: "'\(who)' is not a login name") }
        f["assignee"] = .string(who)
        return .create(.reminder, f)
    }

    /// Moves a reminder to a later day.
    public func snooze(_ id: String, until: LocalDate, in s: Snapshot) throws(ReminderError) -> Change {
        guard until > today else { throw .invalid(field: "until", reason: "\(until) is not after today (\(today))") }
        switch try target(id, in: s) {
        case .manual(let m):
            return .update(.reminder, id: m.id, base: m.version, ["status": "snoozed", "snoozeUntil": .string(until.description)])
        case .computed(let rid, let existing, let customer):
            return action(rid, existing, ["customer": .string(customer), "action": "snooze", "until": .string(until.description), "reason": .null,
                                          "on": .string(today.description)])
        }
    }

    /// Dismisses a reminder with a reason (a computed contact or purchase
    /// reminder comes back one cycle later; see `ReminderPlanner`).
    public func dismiss(_ id: String, reason: String, in s: Snapshot) throws(ReminderError) -> Change {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw .invalid(field: "reason", reason: "is required (why is it dismissed?)") }
        switch try target(id, in: s) {
        case .manual(let m):
            return .update(.reminder, id: m.id, base: m.version, ["status": "dismissed", "reason": .string(why)])
        case .computed(let rid, let existing, let customer):
            return action(rid, existing, ["customer": .string(customer), "action": "dismiss", "reason": .string(why), "until": .null,
                                          "on": .string(today.description)])
        }
    }

    /// Marks a manual reminder done (a computed one is done by logging the
    /// contact or the purchase it asks for).
    public func done(_ id: String, in s: Snapshot) throws(ReminderError) -> Change {
        switch try target(id, in: s) {
        case .manual(let m): return .update(.reminder, id: m.id, base: m.version, ["status": "done"])
        case .computed(let rid, _, _):
            throw .invalid(field: "reminder", reason: "\(rid) is done by logging the contact or purchase it asks for; or dismiss it with a reason")
        }
    }

    // MARK: - Finding what to act on

    /// A manual reminder's record, or a computed reminder's id, its action record and customer.
    enum Target { case manual(ManualReminder), computed(String, ReminderAction?, String) }

    func target(_ raw: String, in s: Snapshot) throws(ReminderError) -> Target {
        let id = raw.trimmingCharacters(in: .whitespaces)
        if !id.contains(":") {
            let rid = id.uppercased()
            guard let f = s.extras[ManualReminder.entity]?[rid], let m = ManualReminder(id: rid, fields: f) else { throw .noReminder(id) }
            guard m.status == .open || m.status == .snoozed else { throw .closed(id: rid, status: m.status.rawValue) }
            return .manual(m)
        }
        let parts = id.split(separator: ":")
        guard parts.count == 3, let kind = Reminder.Kind(rawValue: parts[0].lowercased()), kind != .manual,
              let customer = s.customer(String(parts[1])) else { throw .noReminder(id) }
        let rid = "\(kind.rawValue):\(customer.id):\(parts[2])"
        let existing = ReminderAction.find(rid, in: s)
        if existing?.action == .dismiss { throw .closed(id: rid, status: "dismissed") }
        guard planner.plan(s, customer: customer.id).contains(where: { $0.id == rid }) else { throw .noReminder(id) }
        return .computed(rid, existing, customer.id)
    }

    private func action(_ id: String, _ existing: ReminderAction?, _ fields: [String: Value]) -> Change {
        if let e = existing {
            return Change(op: .update, entity: ReminderAction.entity, id: id, base: e.version, fields: fields)
        }
        return Change(op: .create, entity: ReminderAction.entity, id: id, fields: fields.filter { !$0.value.isNull })
    }

    private func isLogin(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }
}
