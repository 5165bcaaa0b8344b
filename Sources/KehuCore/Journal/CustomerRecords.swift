extension Snapshot {
    /// A customer with everything that belongs to it (contacts, transactions,
    /// interactions, and extras that name it), as records: for the right of
    /// access, for a customer that becomes visible to a client, for exports.
    public func records(ofCustomer cid: String) -> [SnapshotRecord] {
        guard let c = customers[cid] else { return [] }
        func by(_ e: String, _ id: String) -> String? { lastChangedBy[e + "/" + id] }
        var out = [SnapshotRecord(entity: "customer", id: cid, version: c.version, lastBy: by("customer", cid), fields: c.fieldValues)]
        out += contacts(of: cid).map { SnapshotRecord(entity: "contact", id: $0.id, version: $0.version, lastBy: by("contact", $0.id), fields: $0.fieldValues) }
        out += transactions(of: cid).map { SnapshotRecord(entity: "transaction", id: $0.id, version: $0.version, lastBy: by("transaction", $0.id), fields: $0.fieldValues) }
        out += interactions(of: cid).map { SnapshotRecord(entity: "interaction", id: $0.id, version: $0.version, lastBy: by("interaction", $0.id), fields: $0.fieldValues) }
        for (entity, table) in extras.sorted(by: { $0.key < $1.key }) {
            for (id, f) in table.sorted(by: { $0.key < $1.key }) where f["customer"]?.stringValue == cid {
                var fields = f
                let v = Int(fields.removeValue(forKey: "_version")?.intValue ?? 1)
                out.append(SnapshotRecord(entity: entity, id: id, version: v, lastBy: by(entity, id), fields: fields))
            }
        }
        return out
    }
}
