/// The state of a store at one journal position: every record, plus the
/// indexes and derived figures the screens and reports need.
///
/// It is a pure fold over the journal (`apply`), so the store's snapshot file is
/// only a cache: replaying the journal from empty must give an equal value
/// (`kehu check` verifies exactly that).
public struct Snapshot: Sendable, Equatable {
    public internal(set) var seq: Int64 = 0
    /// Records by id. A `RecordTable` reads like a `[String: Record]` dictionary
    /// but stores rows compactly (see RecordTable for why).
    public internal(set) var customers = RecordTable<Customer>()
    public internal(set) var contacts = RecordTable<Contact>()
    public internal(set) var transactions = RecordTable<Transaction>()
    public internal(set) var interactions = RecordTable<Interaction>()
    public internal(set) var dictionary = SystemDictionary()
    public internal(set) var dictionaryVersions: [String: Int] = [:]
    /// Records of entity types the core does not model (reminders, config, pool
    /// events, merges …): entity → id → fields, with `_version` in the fields.
    public internal(set) var extras: [String: [String: [String: Value]]] = [:]

    public internal(set) var contactsByCustomer: [String: [String]] = [:]
    public internal(set) var transactionsByCustomer: [String: [String]] = [:]
    public internal(set) var interactionsByCustomer: [String: [String]] = [:]
    public internal(set) var metrics: [String: CustomerMetrics] = [:]
    /// Who last changed each record (for conflict messages and the detail pane).
    public internal(set) var lastChangedBy = ChangedBy()
    /// The highest number used per id prefix, so new ids never reuse a deleted one.
    public internal(set) var highestNumber: [String: Int] = [:]
    /// External id (客户编号) → customer id.
    public internal(set) var customerByExternalId: [String: String] = [:]

    public init() {}

    // MARK: - Reading

    /// Customers in id order (C1, C2, … C10).
    public var customerList: [Customer] {
        customers.values.sorted { idNumber($0.id) < idNumber($1.id) }
    }

    public func contacts(of customerId: String) -> [Contact] {
        (contactsByCustomer[customerId] ?? []).compactMap { contacts[$0] }
    }

    /// Transactions of a customer, oldest first.
    public func transactions(of customerId: String) -> [Transaction] {
        (transactionsByCustomer[customerId] ?? []).compactMap { transactions[$0] }
            .sorted { ($0.date, idNumber($0.id)) < ($1.date, idNumber($1.id)) }
    }

    /// Interactions of a customer, newest first.
    public func interactions(of customerId: String) -> [Interaction] {
        (interactionsByCustomer[customerId] ?? []).compactMap { interactions[$0] }
            .sorted { ($0.at, idNumber($0.id)) > ($1.at, idNumber($1.id)) }
    }

    public func metrics(of customerId: String) -> CustomerMetrics { metrics[customerId] ?? CustomerMetrics() }

    /// Finds a customer by id (`C12`, case-insensitive) or external id.
    public func customer(_ ref: String) -> Customer? {
        if let c = customers[ref] ?? customers[ref.uppercased()] { return c }
        if let id = customerByExternalId[ref] { return customers[id] }
        return nil
    }

    /// The current version of any record, or nil if it does not exist.
    public func version(entity: String, id: String) -> Int? {
        switch Entity(rawValue: entity) {
        case .customer: return customers[id]?.version
        case .contact: return contacts[id]?.version
        case .transaction: return transactions[id]?.version
        case .interaction: return interactions[id]?.version
        case .dictionary: return dictionaryVersions[id]
        default: return extras[entity]?[id]?["_version"]?.intValue.map(Int.init)
        }
    }

    /// The next id the store would assign for an entity (`C2001`).
    public func nextId(for entity: Entity) -> String? {
        guard let p = entity.idPrefix else { return nil }
        return p + String((highestNumber[p] ?? 0) + 1)
    }

    // MARK: - Checking a change before it is written

    /// Checks a change against the current state: existence, version (conflict),
    /// and every field's value. Pure; the store calls it under its write lock.
    /// - Parameter fields: false when the caller has checked the field values
    ///   with `FieldChecker` on this snapshot already (an import); ids, versions
    ///   and existence are always checked.
    public func check(_ change: Change, fields: Bool = true) -> [ChangeError] {
        let entity = change.entity
        if let id = change.id {
            let current = version(entity: entity, id: id)
            switch change.op {
            case .create:
                if current != nil { return [.alreadyExists(entity: entity, id: id)] }
            case .update, .delete:
                guard let current else { return [.notFound(entity: entity, id: id)] }
                if let base = change.base, base != current {
                    return [.conflict(entity: entity, id: id, base: base, current: current, by: lastChangedBy[entity + "/" + id])]
                }
            }
        } else if change.op != .create || Entity(rawValue: entity)?.idPrefix == nil {
            return [.invalid(entity: entity, id: nil, field: "id", reason: "an id is required")]
        }
        if change.op == .delete || !fields { return [] }
        return FieldChecker(snapshot: self).check(change)
    }

    // MARK: - Applying a committed entry

    /// Applies one journal entry. Entries are assumed checked; an entry that
    /// cannot apply (e.g. an update of a missing record in a hand-edited journal)
    /// throws so that `kehu check` reports it by line.
    public mutating func apply(_ entry: JournalEntry) throws(ChangeError) {
        let c = entry.change
        guard let id = c.id else { throw .invalid(entity: c.entity, id: nil, field: "id", reason: "missing id") }
        if let p = Entity(rawValue: c.entity)?.idPrefix, id.hasPrefix(p) {
            let n = idNumber(id)
            if n > highestNumber[p] ?? 0 { highestNumber[p] = n }
        }
        switch Entity(rawValue: c.entity) {
        case .customer: try applyCustomer(c, id: id, entry: entry)
        case .contact: try applyContact(c, id: id)
        case .transaction: try applyTransaction(c, id: id)
        case .interaction: try applyInteraction(c, id: id)
        case .dictionary: try applyDictionary(c, id: id)
        default: try applyExtra(c, id: id)
        }
        // A deleted record has no "last changed by" (the snapshot file keeps none for it).
        lastChangedBy.set(entity: c.entity, id: id, c.op == .delete ? nil : entry.by)
        seq = entry.seq
    }

    private mutating func applyCustomer(_ c: Change, id: String, entry: JournalEntry) throws(ChangeError) {
        switch c.op {
        case .create:
            guard !customers.contains(id: id) else { throw .alreadyExists(entity: c.entity, id: id) }
            var cu = Customer(id: id)
            cu.createdAt = entry.at
            cu.updatedAt = entry.at
            Self.setFields(&cu, c.fields)
            cu.version = 1
            customers[id] = cu
            if let e = cu.externalId { customerByExternalId[e] = id }
        case .update:
            guard var cu = customers[id] else { throw .notFound(entity: c.entity, id: id) }
            if let old = cu.externalId { customerByExternalId[old] = nil }
            Self.setFields(&cu, c.fields)
            cu.updatedAt = entry.at
            cu.version += 1
            customers[id] = cu
            if let e = cu.externalId { customerByExternalId[e] = id }
        case .delete:
            guard let cu = customers.removeValue(forKey: id) else { throw .notFound(entity: c.entity, id: id) }
            if let e = cu.externalId { customerByExternalId[e] = nil }
        }
    }

    static func setFields(_ cu: inout Customer, _ fields: [String: Value]) {
        for (k, v) in fields {
            if let f = CustomerField.byKey[k] { cu[f] = v }
            else if k.hasPrefix("custom.") {
                let name = String(k.dropFirst(7))
                if let s = v.stringValue, !s.isEmpty { cu.custom[name] = s } else { cu.custom[name] = nil }
            }
        }
    }

    private mutating func applyContact(_ c: Change, id: String) throws(ChangeError) {
        switch c.op {
        case .create:
            guard !contacts.contains(id: id) else { throw .alreadyExists(entity: c.entity, id: id) }
            var p = Contact(id: id, customerId: c.fields["customer"]?.stringValue ?? "")
            for (k, v) in c.fields { p[k] = v }
            p.version = 1
            contacts[id] = p
            contactsByCustomer[p.customerId, default: []].append(id)
        case .update:
            guard var p = contacts[id] else { throw .notFound(entity: c.entity, id: id) }
            let oldCustomer = p.customerId
            for (k, v) in c.fields { p[k] = v }
            p.version += 1
            contacts[id] = p
            if oldCustomer != p.customerId {
                contactsByCustomer[oldCustomer]?.removeAll { $0 == id }
                contactsByCustomer[p.customerId, default: []].append(id)
            }
        case .delete:
            guard let p = contacts.removeValue(forKey: id) else { throw .notFound(entity: c.entity, id: id) }
            contactsByCustomer[p.customerId]?.removeAll { $0 == id }
        }
    }

    private mutating func applyTransaction(_ c: Change, id: String) throws(ChangeError) {
        switch c.op {
        case .create:
            guard !transactions.contains(id: id) else { throw .alreadyExists(entity: c.entity, id: id) }
            var t = Transaction(id: id, customerId: "", date: LocalDate(days: 0), amount: Money(minor: 0))
            try Self.setTransaction(&t, c.fields, id: id)
            t.version = 1
            transactions[id] = t
            transactionsByCustomer[t.customerId, default: []].append(id)
            metrics[t.customerId, default: CustomerMetrics()].add(t)
        case .update:
            guard var t = transactions[id] else { throw .notFound(entity: c.entity, id: id) }
            let old = t
            try Self.setTransaction(&t, c.fields, id: id)
            t.version += 1
            transactions[id] = t
            if old.customerId != t.customerId {
                transactionsByCustomer[old.customerId]?.removeAll { $0 == id }
                transactionsByCustomer[t.customerId, default: []].append(id)
            }
            recomputeMetrics(old.customerId)
            recomputeMetrics(t.customerId)
        case .delete:
            guard let t = transactions.removeValue(forKey: id) else { throw .notFound(entity: c.entity, id: id) }
            transactionsByCustomer[t.customerId]?.removeAll { $0 == id }
            recomputeMetrics(t.customerId)
        }
    }

    static func setTransaction(_ t: inout Transaction, _ fields: [String: Value], id: String) throws(ChangeError) {
        for (k, v) in fields {
            let s = v.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            switch k {
            case "customer": t.customerId = s ?? t.customerId
            case "date":
                guard let d = s.flatMap({ LocalDate($0) }) else { throw .invalid(entity: "transaction", id: id, field: k, reason: "not a date") }
                t.date = d
            case "amount":
                guard let m = s.flatMap({ Money(parsing: $0, currency: t.amount.currency) }) else {
                    throw .invalid(entity: "transaction", id: id, field: k, reason: "not an amount")
                }
                t.amount.minor = m.minor
            case "currency": t.amount.currency = s ?? "CNY"
            case "product": t.product = s
            case "quantity": t.quantityMilli = s.flatMap { Money(parsing: $0).map { $0.minor * 10 } }
            case "note": t.note = s
            default: break
            }
        }
    }

    private mutating func recomputeMetrics(_ customerId: String) {
        var m = CustomerMetrics()
        for tid in transactionsByCustomer[customerId] ?? [] { if let t = transactions[tid] { m.add(t) } }
        metrics[customerId] = m.count == 0 ? nil : m
    }

    private mutating func applyInteraction(_ c: Change, id: String) throws(ChangeError) {
        switch c.op {
        case .create:
            guard !interactions.contains(id: id) else { throw .alreadyExists(entity: c.entity, id: id) }
            var i = Interaction(id: id, customerId: "", at: Timestamp(millis: 0))
            try Self.setInteraction(&i, c.fields, id: id)
            i.version = 1
            interactions[id] = i
            interactionsByCustomer[i.customerId, default: []].append(id)
        case .update:
            guard var i = interactions[id] else { throw .notFound(entity: c.entity, id: id) }
            let oldCustomer = i.customerId
            try Self.setInteraction(&i, c.fields, id: id)
            i.version += 1
            interactions[id] = i
            if oldCustomer != i.customerId {
                interactionsByCustomer[oldCustomer]?.removeAll { $0 == id }
                interactionsByCustomer[i.customerId, default: []].append(id)
            }
        case .delete:
            guard let i = interactions.removeValue(forKey: id) else { throw .notFound(entity: c.entity, id: id) }
            interactionsByCustomer[i.customerId]?.removeAll { $0 == id }
        }
    }

    static func setInteraction(_ i: inout Interaction, _ fields: [String: Value], id: String) throws(ChangeError) {
        for (k, v) in fields {
            let s = v.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            switch k {
            case "customer": i.customerId = s ?? i.customerId
            case "at":
                guard let t = s.flatMap({ Timestamp($0) }) else { throw .invalid(entity: "interaction", id: id, field: k, reason: "not a UTC timestamp") }
                i.at = t
            case "channel": i.channel = s
            case "note": i.note = s ?? ""
            case "by": i.by = s
            case "kind": i.kind = s.flatMap { Interaction.Kind(rawValue: $0) } ?? .contact
            default: break
            }
        }
    }

    private mutating func applyDictionary(_ c: Change, id: String) throws(ChangeError) {
        let parts = id.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, let kind = DictionaryKind(rawValue: String(parts[0])) else {
            throw .invalid(entity: "dictionary", id: id, field: "id", reason: "expected kind/code")
        }
        let code = String(parts[1])
        switch c.op {
        case .create, .update:
            var e = dictionary.entry(kind, code) ?? DictionaryEntry(kind: kind, code: code, label: Label(zh: code, en: code))
            if c.op == .create, dictionaryVersions[id] != nil { throw .alreadyExists(entity: c.entity, id: id) }
            if c.op == .update, dictionaryVersions[id] == nil { throw .notFound(entity: c.entity, id: id) }
            if let zh = c.fields["zh"]?.stringValue { e.label.zh = zh }
            if let en = c.fields["en"]?.stringValue { e.label.en = en }
            if let v = c.fields["cycleDays"] { e.cycleDays = v.intValue.map(Int.init) }
            if let r = c.fields["retired"]?.boolValue { e.retired = r }
            dictionary.upsert(e)
            dictionaryVersions[id, default: 0] += 1
        case .delete:
            guard dictionaryVersions[id] != nil else { throw .notFound(entity: c.entity, id: id) }
            dictionary.remove(kind: kind, code: code)
            dictionaryVersions[id] = nil
        }
    }

    private mutating func applyExtra(_ c: Change, id: String) throws(ChangeError) {
        // Mutated in place: copying the entity's table out and back would copy
        // every record of that type on each change (quadratic for a sweep that
        // writes tens of thousands of pool records in one batch).
        switch c.op {
        case .create:
            guard extras[c.entity]?[id] == nil else { throw .alreadyExists(entity: c.entity, id: id) }
            var f = c.fields.filter { !$0.value.isNull }
            f["_version"] = .int(1)
            extras[c.entity, default: [:]][id] = f
        case .update:
            guard var f = extras[c.entity]?[id] else { throw .notFound(entity: c.entity, id: id) }
            for (k, v) in c.fields { f[k] = v.isNull ? nil : v }
            f["_version"] = .int((f["_version"]?.intValue ?? 0) + 1)
            extras[c.entity]![id] = f
        case .delete:
            guard extras[c.entity]?.removeValue(forKey: id) != nil else { throw .notFound(entity: c.entity, id: id) }
        }
    }
}

extension CustomerField {
    /// Key → field without `init(rawValue:)`'s string-by-string comparison (replay calls it for every field).
    static let byKey: [String: CustomerField] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
}

/// The number in an id like `C1042` (0 when there is none), for ordering.
@inline(__always) public func idNumber(_ id: String) -> Int {
    var n = 0
    for b in id.utf8 where b >= 48 && b <= 57 { n = n &* 10 &+ Int(b - 48) }
    return n
}
