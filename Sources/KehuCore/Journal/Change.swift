/// One change to one record: what a journal entry carries besides who and when.
///
/// `entity` is an open string so that later features (reminders, pool events,
/// merges, configuration) add record types without changing the journal format;
/// the snapshot keeps unknown types as plain field maps (`Snapshot.extras`).
public struct Change: Hashable, Sendable {
    public enum Op: String, Sendable { case create, update, delete }

    public var op: Op
    public var entity: String
    /// Nil on create for entities whose ids the store assigns (customer, contact, …).
    public var id: String?
    /// The record version this change was based on (update/delete). A mismatch is a conflict.
    public var base: Int?
    /// On create: the record's fields; on update: the fields that change (`.null` clears one).
    public var fields: [String: Value]
    /// What the change means when it is more than an edit: `claim`, `release`, `assign`,
    /// `merge`, `import`, … Reports and the audit read it; replay does not need it.
    public var event: String?

    public init(op: Op, entity: String, id: String? = nil, base: Int? = nil, fields: [String: Value] = [:], event: String? = nil) {
        self.op = op; self.entity = entity; self.id = id; self.base = base; self.fields = fields; self.event = event
    }

    public static func create(_ entity: Entity, id: String? = nil, _ fields: [String: Value], event: String? = nil) -> Change {
        Change(op: .create, entity: entity.rawValue, id: id, fields: fields, event: event)
    }

    public static func update(_ entity: Entity, id: String, base: Int?, _ fields: [String: Value], event: String? = nil) -> Change {
        Change(op: .update, entity: entity.rawValue, id: id, base: base, fields: fields, event: event)
    }

    public static func delete(_ entity: Entity, id: String, base: Int?, event: String? = nil) -> Change {
        Change(op: .delete, entity: entity.rawValue, id: id, base: base, event: event)
    }
}

/// The record types the core knows. Others are carried as extras.
public enum Entity: String, CaseIterable, Sendable {
    case customer, contact, transaction, interaction, dictionary, reminder, config

    /// The letter of store-assigned ids (`C12`, `P3`, `T1004`, `I77`, `R5`).
    public var idPrefix: String? {
        switch self {
        case .customer: return "C"
        case .contact: return "P"
        case .transaction: return "T"
        case .interaction: return "I"
        case .reminder: return "R"
        case .dictionary, .config: return nil
        }
    }

    public static func forPrefix(_ id: String) -> Entity? {
        guard let first = id.first else { return nil }
        return allCases.first { $0.idPrefix == String(first).uppercased() }
    }
}

/// A committed change: the journal line.
public struct JournalEntry: Hashable, Sendable {
    /// 1, 2, 3, … in journal order, without gaps.
    public var seq: Int64
    public var at: Timestamp
    /// The Unix login that made the change.
    public var by: String
    public var change: Change

    public init(seq: Int64, at: Timestamp, by: String, change: Change) {
        self.seq = seq; self.at = at; self.by = by; self.change = change
    }
}
