/// Full field maps of records, for the snapshot file and for exports: the
/// inverse of applying a create change.
extension Transaction {
    public var fieldValues: [String: Value] {
        var f: [String: Value] = ["customer": .string(customerId), "date": .string(date.description),
                                  "amount": .string(amount.plain), "currency": .string(amount.currency)]
        if let product { f["product"] = .string(product) }
        if let q = quantityMilli {
            let whole = q / 1000, frac = abs(q % 1000)
            // Trailing zeros dropped: `1.5`, which the quantity parser (two decimals, like money) reads back.
            var digits = pad(Int(frac), 3)
            while digits.hasSuffix("0") { digits.removeLast() }
            f["quantity"] = .string(frac == 0 ? String(whole) : "\(q < 0 && whole == 0 ? "-" : "")\(whole).\(digits)")
        }
        if let note { f["note"] = .string(note) }
        return f
    }
}

extension Interaction {
    public var fieldValues: [String: Value] {
        var f: [String: Value] = ["customer": .string(customerId), "at": .string(at.description), "kind": .string(kind.rawValue)]
        if !note.isEmpty { f["note"] = .string(note) }
        if let channel { f["channel"] = .string(channel) }
        if let by { f["by"] = .string(by) }
        return f
    }
}

extension Contact {
    public var fieldValues: [String: Value] {
        var f: [String: Value] = [:]
        for k in Contact.fields { let v = self[k]; if !v.isNull { f[k] = v } }
        return f
    }
}

extension Customer {
    /// Every non-empty field, custom ones as `custom.NAME`, system timestamps included.
    public var fieldValues: [String: Value] {
        var f: [String: Value] = [:]
        for field in CustomerField.allCases {
            let v = self[field]
            switch v {
            case .null: continue
            case .array(let a) where a.isEmpty: continue
            case .bool(false) where field == .locked: continue
            default: f[field.rawValue] = v
            }
        }
        for (k, v) in custom { f["custom." + k] = .string(v) }
        return f
    }
}

extension DictionaryEntry {
    public var fieldValues: [String: Value] {
        var f: [String: Value] = ["zh": .string(label.zh), "en": .string(label.en)]
        if let c = cycleDays { f["cycleDays"] = .int(Int64(c)) }
        if retired { f["retired"] = .bool(true) }
        return f
    }
}

/// One record as the snapshot file stores it.
public struct SnapshotRecord: Sendable {
    public var entity: String
    public var id: String
    public var version: Int
    public var lastBy: String?
    public var fields: [String: Value]

    public init(entity: String, id: String, version: Int, lastBy: String?, fields: [String: Value]) {
        self.entity = entity; self.id = id; self.version = version; self.lastBy = lastBy; self.fields = fields
    }
}

extension Snapshot {
    /// Every record, in a stable order (dictionary first, so that loading can check values).
    public var records: [SnapshotRecord] {
        var out: [SnapshotRecord] = []
        func by(_ e: String, _ id: String) -> String? { lastChangedBy[e + "/" + id] }
        for e in dictionary.allEntries {
            out.append(SnapshotRecord(entity: "dictionary", id: e.id, version: dictionaryVersions[e.id] ?? 1, lastBy: by("dictionary", e.id), fields: e.fieldValues))
        }
        for c in customers.values.sorted(by: { (idNumber($0.id), $0.id) < (idNumber($1.id), $1.id) }) {
            out.append(SnapshotRecord(entity: "customer", id: c.id, version: c.version, lastBy: by("customer", c.id), fields: c.fieldValues))
        }
        for c in contacts.values.sorted(by: { (idNumber($0.id), $0.id) < (idNumber($1.id), $1.id) }) {
            out.append(SnapshotRecord(entity: "contact", id: c.id, version: c.version, lastBy: by("contact", c.id), fields: c.fieldValues))
        }
        for t in transactions.values.sorted(by: { (idNumber($0.id), $0.id) < (idNumber($1.id), $1.id) }) {
            out.append(SnapshotRecord(entity: "transaction", id: t.id, version: t.version, lastBy: by("transaction", t.id), fields: t.fieldValues))
        }
        for i in interactions.values.sorted(by: { (idNumber($0.id), $0.id) < (idNumber($1.id), $1.id) }) {
            out.append(SnapshotRecord(entity: "interaction", id: i.id, version: i.version, lastBy: by("interaction", i.id), fields: i.fieldValues))
        }
        for (entity, table) in extras.sorted(by: { $0.key < $1.key }) {
            for (id, f) in table.sorted(by: { $0.key < $1.key }) {
                var fields = f
                let v = Int(fields.removeValue(forKey: "_version")?.intValue ?? 1)
                out.append(SnapshotRecord(entity: entity, id: id, version: v, lastBy: by(entity, id), fields: fields))
            }
        }
        return out
    }

    /// Puts a record back as the snapshot file stored it (its version included).
    public mutating func restore(_ r: SnapshotRecord, createdBy at: Timestamp = Timestamp(millis: 0)) throws(ChangeError) {
        let entry = JournalEntry(seq: seq, at: at, by: r.lastBy ?? "", change: .init(op: .create, entity: r.entity, id: r.id, fields: r.fields))
        let keepSeq = seq
        try apply(entry)
        seq = keepSeq
        switch Entity(rawValue: r.entity) {
        case .customer: customers[r.id]?.version = r.version
        case .contact: contacts[r.id]?.version = r.version
        case .transaction: transactions[r.id]?.version = r.version
        case .interaction: interactions[r.id]?.version = r.version
        case .dictionary: dictionaryVersions[r.id] = r.version
        default: extras[r.entity]?[r.id]?["_version"] = .int(Int64(r.version))
        }
        if r.lastBy == nil { lastChangedBy.set(entity: r.entity, id: r.id, nil) }
    }

    /// Sets the journal position a restored snapshot stands at.
    public mutating func restoreSeq(_ s: Int64) { seq = s }
}

extension Snapshot {
    /// Restores the highest id numbers used (deleted records' ids are never reused).
    public mutating func restoreHighest(_ m: [String: Int]) {
        for (k, v) in m where v > highestNumber[k] ?? 0 { highestNumber[k] = v }
    }
}
