/// Typed entry points for snapshot loaders: put records back exactly as a
/// snapshot file stored them (versions included), without going through
/// field maps and `apply`. Children come grouped by customer, in the order of
/// that customer's index, so each index list is set in one step and the
/// derived figures are folded as the group goes by.
extension Snapshot {
    /// How many records the state holds (what `records.count` gives, without building them).
    public var recordCount: Int {
        customers.count + contacts.count + transactions.count + interactions.count
            + dictionary.allEntries.count + extras.values.reduce(0) { $0 + $1.count }
    }

    public mutating func reserve(customers c: Int, contacts p: Int, transactions t: Int, interactions i: Int) {
        customers.reserveCapacity(c)
        contacts.reserveCapacity(p)
        transactions.reserveCapacity(t)
        interactions.reserveCapacity(i)
        metrics.reserveCapacity(c)
        transactionsByCustomer.reserveCapacity(c)
        interactionsByCustomer.reserveCapacity(c)
        contactsByCustomer.reserveCapacity(c)
    }

    public mutating func restore(customer c: Customer, lastBy: String?) throws(ChangeError) {
        guard !customers.contains(id: c.id) else { throw .alreadyExists(entity: "customer", id: c.id) }
        customers[c.id] = c
        if let e = c.externalId { customerByExternalId[e] = c.id }
        if let by = lastBy { lastChangedBy.set(entity: "customer", id: c.id, by) }
    }

    public mutating func restore(contacts list: [Contact], lastBy: [String?], of customerId: String) throws(ChangeError) {
        try restoreChildren(list, lastBy: lastBy, entity: "contact", into: \.contacts, index: \.contactsByCustomer, of: customerId) { _ in }
    }

    public mutating func restore(transactions list: [Transaction], lastBy: [String?], of customerId: String) throws(ChangeError) {
        var m = metrics[customerId] ?? CustomerMetrics()
        try restoreChildren(list, lastBy: lastBy, entity: "transaction", into: \.transactions, index: \.transactionsByCustomer, of: customerId) { m.add($0) }
        if m.count > 0 { metrics[customerId] = m }
    }

    public mutating func restore(interactions list: [Interaction], lastBy: [String?], of customerId: String) throws(ChangeError) {
        try restoreChildren(list, lastBy: lastBy, entity: "interaction", into: \.interactions, index: \.interactionsByCustomer, of: customerId) { _ in }
    }

    private mutating func restoreChildren<R: TableRecord>(
        _ list: [R], lastBy: [String?], entity: String, into table: WritableKeyPath<Snapshot, RecordTable<R>>,
        index: WritableKeyPath<Snapshot, [String: [String]]>, of customerId: String, each: (R) -> Void
    ) throws(ChangeError) {
        var ids: [String] = []
        ids.reserveCapacity(list.count)
        let dense = ChangedBy.table(of: entity)!
        for (r, by) in zip(list, lastBy) {
            guard !self[keyPath: table].contains(id: r.id) else { throw .alreadyExists(entity: entity, id: r.id) }
            self[keyPath: table][r.id] = r
            ids.append(r.id)
            each(r)
            if let by { lastChangedBy.set(table: dense, id: r.id, by) }
        }
        self[keyPath: index][customerId, default: []].append(contentsOf: ids)
    }

    public mutating func restore(dictionary e: DictionaryEntry, version: Int, lastBy: String?) {
        dictionary.upsert(e)
        dictionaryVersions[e.id] = version
        if let lastBy { lastChangedBy.set(entity: "dictionary", id: e.id, lastBy) }
    }

    /// A record of a type the core does not model; `fields` without `_version`.
    public mutating func restore(extra entity: String, id: String, fields: [String: Value], version: Int, lastBy: String?) {
        var f = fields
        f["_version"] = .int(Int64(version))
        extras[entity, default: [:]][id] = f
        if let lastBy { lastChangedBy.set(entity: entity, id: id, lastBy) }
    }

    /// The groups a snapshot writer stores children in: each customer id that
    /// has children, in id order, with the ids in index order.
    public var childGroups: [String] {
        var keys = Set(contactsByCustomer.keys)
        keys.formUnion(transactionsByCustomer.keys)
        keys.formUnion(interactionsByCustomer.keys)
        return keys.sorted { (idNumber($0), $0) < (idNumber($1), $1) }
    }

}
