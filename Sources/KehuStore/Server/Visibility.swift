import KehuCore

/// Applies an `AccessPolicy` to records and entries: what a user may see, with
/// personal data masked where they lack the right.
struct Visibility {
    let policy: AccessPolicy
    let user: String

    /// The customer a record belongs to (itself for a customer), if any.
    static func customerId(entity: String, id: String, fields: [String: Value], in s: Snapshot) -> String? {
        switch Entity(rawValue: entity) {
        case .customer: return id
        case .contact: return fields["customer"]?.stringValue ?? s.contacts[id]?.customerId
        case .transaction: return fields["customer"]?.stringValue ?? s.transactions[id]?.customerId
        case .interaction: return fields["customer"]?.stringValue ?? s.interactions[id]?.customerId
        case .dictionary, .config: return nil
        default: return fields["customer"]?.stringValue ?? s.extras[entity]?[id]?["customer"]?.stringValue
        }
    }

    func canSee(customerId: String?, in s: Snapshot) -> Bool {
        guard let cid = customerId else { return true }
        guard let c = s.customers[cid] else { return false }
        return policy.canSee(c, user: user)
    }

    func masked(entity: String, fields: [String: Value], customer: Customer?) -> [String: Value] {
        if policy.seesClear(customer, user: user) { return fields }
        let sensitive: Set<String>
        switch Entity(rawValue: entity) {
        case .customer: sensitive = policy.sensitiveFields
        case .contact: sensitive = policy.sensitiveContactFields
        default: return fields
        }
        var f = fields
        for k in sensitive { if let s = f[k]?.stringValue, !s.isEmpty { f[k] = .string(AccessPolicy.mask(s, field: k)) } }
        return f
    }

    /// Every record this user may see, masked.
    func records(of s: Snapshot) -> [SnapshotRecord] {
        var out: [SnapshotRecord] = []
        for r in s.records {
            let cid = Visibility.customerId(entity: r.entity, id: r.id, fields: r.fields, in: s)
            guard canSee(customerId: cid, in: s) else { continue }
            var m = r
            m.fields = masked(entity: r.entity, fields: r.fields, customer: cid.flatMap { s.customers[$0] })
            out.append(m)
        }
        return out
    }

    /// The records of one customer and its children (for a customer that became visible).
    func records(ofCustomer cid: String, in s: Snapshot) -> [SnapshotRecord] {
        let c = s.customers[cid]
        return s.records(ofCustomer: cid).map { r in var m = r; m.fields = masked(entity: r.entity, fields: r.fields, customer: c); return m }
    }

    func masked(_ e: JournalEntry, in s: Snapshot) -> JournalEntry {
        var m = e
        let cid = Visibility.customerId(entity: e.change.entity, id: e.change.id ?? "", fields: e.change.fields, in: s)
        m.change.fields = masked(entity: e.change.entity, fields: e.change.fields, customer: cid.flatMap { s.customers[$0] })
        return m
    }

    /// Why `user` may not make this change (nil when allowed), judged on the state before it.
    func refusal(_ c: Change, in s: Snapshot) -> String? {
        let role = policy.role(of: user)
        if role == .admin { return nil }
        switch Entity(rawValue: c.entity) {
        case .dictionary, .config: return "only an admin may change the \(c.entity)"
        case .customer:
            for (k, v) in c.fields where policy.sensitiveFields.contains(k) {
                if let t = v.stringValue, AccessPolicy.looksMasked(t) { return "\(k): a masked value cannot be saved; reveal it first" }
            }
            let newOwner = c.fields["owner"].map { $0.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
            if c.op == .create {
                if let o = newOwner ?? nil, o != user, !(role == .manager && policy.colleagues(of: user).contains(o)) {
                    return "you may not create a customer owned by \(o)"
                }
                return nil
            }
            guard let id = c.id, let cur = s.customers[id] else { return nil }  // the store reports not-found
            guard policy.canSee(cur, user: user) else { return "customer \(id) is not yours" }
            if c.op == .delete, cur.owner != user, role != .manager { return "only the owner or a manager may delete \(id)" }
            if let target = newOwner {
                let isManager = role == .manager
                if cur.owner == nil && target == user { return nil }            // claim from the pool
                if cur.owner == user && target == nil { return nil }            // release one's own customer
                if isManager, let t = target, policy.colleagues(of: user).contains(t) { return nil }  // assign in the team
                if isManager && target == nil { return nil }                    // a manager releases
                if target == cur.owner { return nil }
                return "only a manager may give customer \(id) to \(target ?? "the pool")"
            }
            if cur.owner == nil, c.fields.keys.contains(where: { !["owner", "ownerSince"].contains($0) }) {
                return "customer \(id) is in the pool: claim it before editing"
            }
            return nil
        default:
            for (k, v) in c.fields where policy.sensitiveContactFields.contains(k) && c.entity == "contact" {
                if let t = v.stringValue, AccessPolicy.looksMasked(t) { return "\(k): a masked value cannot be saved; reveal it first" }
            }
            let cid = Visibility.customerId(entity: c.entity, id: c.id ?? "", fields: c.fields, in: s)
            if let cid, !canSee(customerId: cid, in: s) { return "customer \(cid) is not yours" }
            return nil
        }
    }
}
