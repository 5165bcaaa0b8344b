import KehuCore

/// Which customers another user's commits touched, found by comparing record
/// versions of the old and new snapshot, so the list updates only their rows
/// instead of rebuilding 100 000 rows and search keys.
public enum SnapshotDiff {
    /// Customer ids whose row or search keys may have changed; nil when a full
    /// rebuild is simpler (a customer was deleted, the dictionary changed).
    public static func changedCustomers(_ old: Snapshot, _ new: Snapshot) -> Set<String>? {
        if old.dictionary != new.dictionary { return nil }
        var out = Set<String>()
        for (id, c) in new.customers where old.customers[id]?.version != c.version { out.insert(id) }
        if new.customers.count - out.filter({ old.customers[$0] == nil }).count != old.customers.count { return nil }
        func scan<R: TableRecord>(_ o: RecordTable<R>, _ n: RecordTable<R>, version: (R) -> Int, owner: (R) -> String) {
            var added = 0
            for (id, r) in n {
                let before = o[id]
                if before == nil { added += 1 }
                if before.map(version) != version(r) {
                    out.insert(owner(r))
                    if let b = before { out.insert(owner(b)) }
                }
            }
            if n.count - added != o.count {
                for (id, r) in o where n[id] == nil { out.insert(owner(r)) }
            }
        }
        scan(old.contacts, new.contacts, version: { $0.version }, owner: { $0.customerId })
        scan(old.transactions, new.transactions, version: { $0.version }, owner: { $0.customerId })
        scan(old.interactions, new.interactions, version: { $0.version }, owner: { $0.customerId })
        return out
    }
}
