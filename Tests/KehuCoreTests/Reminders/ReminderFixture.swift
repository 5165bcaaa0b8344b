import Foundation
@testable import KehuCore

/// Builds snapshots the way a store would: every change is checked, given the
/// next id when it has none, and applied as a journal entry with who and when.
struct ReminderFixture {
    var s = Snapshot()
    var clock = Timestamp("2026-01-01T00:00:00Z")!

    static let shanghai = LocalCalendar(identifier: "Asia/Shanghai")!
    static let newYork = LocalCalendar(identifier: "America/New_York")!
    static let utc = LocalCalendar(identifier: "UTC")!

    init(dictionary: Bool = true) {
        guard dictionary else { return }
        for e in DictionarySeed.entries where e.kind.hasCycle {
            var f: [String: Value] = ["zh": .string(e.label.zh), "en": .string(e.label.en)]
            if let c = e.cycleDays { f["cycleDays"] = .int(Int64(c)) }
            try! commit([Change(op: .create, entity: "dictionary", id: e.id, fields: f)])
        }
    }

    /// Checks and applies a batch like `Store.commit`; returns the ids used.
    @discardableResult
    mutating func commit(_ changes: [Change], at: String? = nil, by: String = "alice") throws -> [String] {
        if let at { clock = Timestamp(at)! }
        var ids: [String] = []
        for var c in changes {
            if c.id == nil, let e = Entity(rawValue: c.entity) { c.id = s.nextId(for: e) }
            let errors = s.check(c)
            if !errors.isEmpty { throw TestCommitError(errors: errors) }
            try s.apply(JournalEntry(seq: s.seq + 1, at: clock, by: by, change: c))
            ids.append(c.id!)
        }
        return ids
    }

    @discardableResult
    mutating func customer(_ name: String, owner: String? = "alice", contact: String? = nil, purchase: String? = nil,
                           created: String = "2026-01-01T00:00:00Z", ownerSince: String? = nil, locked: Bool = false) -> String {
        var f: [String: Value] = ["name": .string(name)]
        if let owner { f["owner"] = .string(owner) }
        if let contact { f["contactStrategy"] = .string(contact) }
        if let purchase { f["purchaseStrategy"] = .string(purchase) }
        if let ownerSince { f["ownerSince"] = .string(ownerSince) }
        if locked { f["locked"] = true }
        return try! commit([.create(.customer, f)], at: created)[0]
    }

    @discardableResult
    mutating func interaction(_ customer: String, at: String, kind: String = "contact") -> String {
        try! commit([.create(.interaction, ["customer": .string(customer), "at": .string(at), "kind": .string(kind)])], at: at)[0]
    }

    @discardableResult
    mutating func transaction(_ customer: String, date: String, amount: String = "100.00") -> String {
        try! commit([.create(.transaction, ["customer": .string(customer), "date": .string(date), "amount": .string(amount)])])[0]
    }

    mutating func edit(_ customer: String, _ fields: [String: Value], event: String? = nil) {
        try! commit([.update(.customer, id: customer, base: s.customers[customer]!.version, fields, event: event)])
    }

    func planner(_ asOf: String, _ cal: LocalCalendar = shanghai, pool: PoolRules = PoolRules()) -> ReminderPlanner {
        ReminderPlanner(asOf: LocalDate(asOf)!, calendar: cal, pool: pool)
    }

    func reminders(_ asOf: String, _ cal: LocalCalendar = shanghai, pool: PoolRules = PoolRules(), customer: String? = nil) -> [Reminder] {
        let p = planner(asOf, cal, pool: pool)
        return customer.map { p.plan(s, customer: $0) } ?? p.plan(s)
    }

    func changes(_ asOf: String, user: String = "alice", now: String = "2026-06-01T00:00:00Z", _ cal: LocalCalendar = shanghai) -> ReminderChanges {
        ReminderChanges(planner: planner(asOf, cal), user: user, now: Timestamp(now)!)
    }
}

struct TestCommitError: Error, CustomStringConvertible {
    var errors: [ChangeError]
    var description: String { errors.map(\.description).joined(separator: "; ") }
}

extension LocalDate {
    /// Test shorthand: `d("2026-11-30")`.
    static func d(_ s: String) -> LocalDate { LocalDate(s)! }
}
