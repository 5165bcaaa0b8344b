/// One bulk write: general changes, then typed creates of transactions and
/// interactions. What an import of a million rows commits.
///
/// Why typed: the same rows as `Change`s cost a `[String: Value]` per row that is
/// built, checked, sorted into a journal line and parsed again to apply it —
/// most of an import's time at 100k customers (docs/performance.md). Typed
/// records are appended to the state and written as journal lines directly;
/// the journal holds exactly the lines their create `Change`s would (`journalFields`),
/// so replay, `kehu check` and other readers see no difference.
public struct RecordBatch: Sendable {
    /// Written first, in order (dictionary additions, customers, contacts, updates).
    public var changes: [Change] = []
    /// New transactions; the store gives them ids (`id` is ignored) and version 1.
    public var transactions: [Transaction] = []
    /// New interactions; as `transactions`.
    public var interactions: [Interaction] = []
    /// The `event` of the typed creates' journal entries (`import`).
    public var event: String?

    public init(changes: [Change] = [], transactions: [Transaction] = [], interactions: [Interaction] = [], event: String? = nil) {
        self.changes = changes; self.transactions = transactions; self.interactions = interactions; self.event = event
    }

    /// How many journal entries the batch makes.
    public var count: Int { changes.count + transactions.count + interactions.count }
    public var isEmpty: Bool { count == 0 }

    /// Every entry as a `Change`, typed creates last and with their ids left to
    /// the store: the form for a store without a bulk path (`kehu serve`'s clients).
    public func allChanges() -> [Change] {
        var out = changes
        out.reserveCapacity(count)
        for t in transactions { out.append(Change.create(.transaction, t.journalFields, event: event)) }
        for i in interactions { out.append(Change.create(.interaction, i.journalFields, event: event)) }
        return out
    }
}

extension Transaction {
    /// The fields of this transaction's create entry, in the journal's text forms
    /// (applying them gives this transaction back; `quantity` is written in units).
    public var journalFields: [String: Value] {
        var f: [String: Value] = ["customer": .string(customerId), "date": .string(date.description),
                                  "amount": .string(Money(minor: amount.minor).plain), "currency": .string(amount.currency)]
        if let product { f["product"] = .string(product) }
        if let q = quantityMilli { f["quantity"] = .string(Transaction.quantityText(q)) }
        if let note { f["note"] = .string(note) }
        return f
    }

    /// A quantity in thousandths as the journal writes it (`1500` → `1.50`). The
    /// journal reads quantities as amounts (two decimals), so thousandths are
    /// always whole hundredths here.
    public static func quantityText(_ milli: Int64) -> String { Money(minor: milli / 10).plain }
}

extension Interaction {
    /// The fields of this interaction's create entry (see `Transaction.journalFields`).
    public var journalFields: [String: Value] {
        var f: [String: Value] = ["customer": .string(customerId), "at": .string(at.description), "kind": .string(kind.rawValue)]
        if let channel { f["channel"] = .string(channel) }
        if !note.isEmpty { f["note"] = .string(note) }
        if let by { f["by"] = .string(by) }
        return f
    }
}
