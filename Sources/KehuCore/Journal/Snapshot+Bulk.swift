/// The typed side of a `RecordBatch`: new transactions and interactions
/// appended to the state as `apply` would append their create entries, but
/// without a field map per record.
extension Snapshot {
    /// Gives the batch's typed creates their ids (the next free `T…` / `I…`
    /// numbers, transactions first) and version 1.
    public func assignIds(_ batch: inout RecordBatch) {
        var t = highestNumber["T"] ?? 0
        for k in batch.transactions.indices {
            t += 1
            batch.transactions[k].id = RecordTable<Transaction>.format(letter: UInt8(ascii: "T"), Int32(clamping: t))
            batch.transactions[k].version = 1
        }
        var i = highestNumber["I"] ?? 0
        for k in batch.interactions.indices {
            i += 1
            batch.interactions[k].id = RecordTable<Interaction>.format(letter: UInt8(ascii: "I"), Int32(clamping: i))
            batch.interactions[k].version = 1
        }
    }

    /// The first problem with the typed creates of `batch` (ids assigned): a
    /// customer that does not exist or an id already taken; nil when none.
    public func checkCreates(_ batch: RecordBatch) -> ChangeError? {
        var known = ""
        func customer(_ id: String, _ entity: String, _ rid: String) -> ChangeError? {
            // Rows come grouped by customer: one lookup per group.
            if id == known { return nil }
            guard customers.contains(id: id) else { return .invalid(entity: entity, id: rid, field: "customer", reason: "no customer \(id)") }
            known = id
            return nil
        }
        for t in batch.transactions {
            if let e = customer(t.customerId, "transaction", t.id) { return e }
            if transactions.contains(id: t.id) { return .alreadyExists(entity: "transaction", id: t.id) }
        }
        for i in batch.interactions {
            if let e = customer(i.customerId, "interaction", i.id) { return e }
            if interactions.contains(id: i.id) { return .alreadyExists(entity: "interaction", id: i.id) }
        }
        return nil
    }

    /// Appends the typed creates of `batch` (ids assigned, checked) as entries
    /// `firstSeq`, `firstSeq + 1`, … by `by`: the state equals applying their
    /// `createChange` entries one by one (a test holds it to that).
    public mutating func appendCreates(_ batch: RecordBatch, firstSeq: Int64, by: String) {
        transactions.reserveCapacity(transactions.count + batch.transactions.count)
        interactions.reserveCapacity(interactions.count + batch.interactions.count)
        let tTable = ChangedBy.table(of: "transaction")!, iTable = ChangedBy.table(of: "interaction")!
        var group = "", ids: [String] = []
        var m = CustomerMetrics()
        func flush(_ index: WritableKeyPath<Snapshot, [String: [String]]>, metrics withMetrics: Bool) {
            guard !ids.isEmpty else { return }
            self[keyPath: index][group, default: []].append(contentsOf: ids)
            if withMetrics { metrics[group] = m }
            ids.removeAll(keepingCapacity: true)
        }
        for t in batch.transactions {
            if t.customerId != group {
                flush(\.transactionsByCustomer, metrics: true)
                group = t.customerId
                m = metrics[group] ?? CustomerMetrics()
            }
            transactions.appendNew(t)
            ids.append(t.id)
            m.add(t)
            lastChangedBy.set(table: tTable, id: t.id, by)
        }
        flush(\.transactionsByCustomer, metrics: true)
        group = ""
        for i in batch.interactions {
            if i.customerId != group { flush(\.interactionsByCustomer, metrics: false); group = i.customerId }
            interactions.appendNew(i)
            ids.append(i.id)
            lastChangedBy.set(table: iTable, id: i.id, by)
        }
        flush(\.interactionsByCustomer, metrics: false)
        if let last = batch.transactions.last { highestNumber["T"] = max(highestNumber["T"] ?? 0, idNumber(last.id)) }
        if let last = batch.interactions.last { highestNumber["I"] = max(highestNumber["I"] ?? 0, idNumber(last.id)) }
        seq = firstSeq + Int64(batch.transactions.count + batch.interactions.count) - 1
    }
}

extension Snapshot {
    /// The transaction a create entry with these fields makes (id empty), or nil
    /// when a field cannot be read (the field checker refuses those first).
    public static func newTransaction(_ fields: [String: Value]) -> Transaction? {
        var t = Transaction(id: "", customerId: "", date: LocalDate(days: 0), amount: Money(minor: 0))
        do { try setTransaction(&t, fields, id: "") } catch { return nil }
        return t
    }

    /// The interaction a create entry with these fields makes (see `newTransaction`).
    public static func newInteraction(_ fields: [String: Value]) -> Interaction? {
        var i = Interaction(id: "", customerId: "", at: Timestamp(millis: 0))
        do { try setInteraction(&i, fields, id: "") } catch { return nil }
        return i
    }

    /// Applies a batch to this state as a store commits it, ids given here
    /// (a dry run of several files, or a store without a bulk path).
    public mutating func apply(_ batch: inout RecordBatch, at: Timestamp, by: String) throws(ChangeError) {
        for k in batch.changes.indices {
            var c = batch.changes[k]
            if c.id == nil, c.op == .create, let e = Entity(rawValue: c.entity), e.idPrefix != nil { c.id = nextId(for: e) }
            batch.changes[k] = c
            try apply(JournalEntry(seq: seq + 1, at: at, by: by, change: c))
        }
        assignIds(&batch)
        if let e = checkCreates(batch) { throw e }
        appendCreates(batch, firstSeq: seq + 1, by: by)
    }
}

extension RecordTable {
    /// Adds a record whose id is known to be new (checked by the caller).
    mutating func appendNew(_ record: Record) {
        append(row: Record.pack(record, into: &pool), id: record.id)
    }
}
