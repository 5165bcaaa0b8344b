/// For loaders that restore one state on several threads: a thread restores the
/// transactions and interactions (most of a store), or the contacts, into a state of
/// their own while another restores the rest; the first state then takes them over.
extension Snapshot {
    /// Takes the transactions and interactions — rows, per-customer indexes, metrics and
    /// who last changed each — from `other`, a state that a loader restored only those
    /// into. This state must hold none of them yet.
    public mutating func adoptActivity(from other: consuming Snapshot) {
        precondition(transactions.isEmpty && interactions.isEmpty && metrics.isEmpty, "adoptActivity into a state that has transactions or interactions")
        transactions = other.transactions
        transactionsByCustomer = other.transactionsByCustomer
        metrics = other.metrics
        interactions = other.interactions
        interactionsByCustomer = other.interactionsByCustomer
        lastChangedBy.adopt(table: ChangedBy.table(of: "transaction")!, from: other.lastChangedBy)
        lastChangedBy.adopt(table: ChangedBy.table(of: "interaction")!, from: other.lastChangedBy)
    }

    /// Takes the contacts — rows, per-customer index, who last changed each — from
    /// `other`, a state that a loader restored only contacts into. This state must hold
    /// no contacts yet.
    public mutating func adoptContacts(from other: consuming Snapshot) {
        precondition(contacts.isEmpty, "adoptContacts into a state that has contacts")
        contacts = other.contacts
        contactsByCustomer = other.contactsByCustomer
        lastChangedBy.adopt(table: ChangedBy.table(of: "contact")!, from: other.lastChangedBy)
    }
}

extension Snapshot {
    /// Puts back a customer as `restore(customer:lastBy:)` does, for loaders that built
    /// it for this call only: the value is moved into the table instead of copied (a
    /// customer has some 25 strings; copying and releasing each one was a fifth of
    /// reading the customers of a snapshot), and a store-style id goes by its number.
    /// - Parameter number: the id's number when it is store-style (`C` + number), else -1.
    public mutating func restore(customer c: consuming Customer, number: Int, lastBy: String?) throws(ChangeError) {
        let id = c.id, externalId = c.externalId
        let kept = try customers.appendRestored(c, number: number, id: id, entity: "customer")
        if let e = externalId { customerByExternalId[e] = id }
        restoreLastBy(table: 0, id: id, number: kept, lastBy)
    }
}

extension ChangedBy {
    /// Takes over the attributions of dense table `t` (and its records kept by key)
    /// from `o`, mapping login codes once instead of setting each record again.
    mutating func adopt(table t: Int, from o: ChangedBy) {
        let prefix = Self.entities[t].name + "/"
        for (k, v) in o.other where k.hasPrefix(prefix) { other[k] = v }
        var map: [UInt16] = [0]
        map.reserveCapacity(o.logins.count)
        for login in o.logins.dropFirst() {
            if let c = loginCodes[login] { map.append(c); continue }
            guard logins.count < Int(UInt16.max) else { map = []; break }
            let c = UInt16(logins.count)
            logins.append(login)
            loginCodes[login] = c
            map.append(c)
        }
        if dense[t].isEmpty && !map.isEmpty {
            dense[t] = o.dense[t].map { map[Int($0)] }
        } else {
            // Records of this table already here, or too many logins: one at a time.
            for (n, c) in o.dense[t].enumerated() where c != 0 { set(table: t, number: n, o.logins[Int(c)]) }
        }
    }
}
