/// Merging two customers into one, journaled so that it can be undone.
///
/// One batch of changes: the absorbed customer's contacts, transactions and
/// interactions move to the survivor; the absorbed customer is deleted; the
/// survivor gets the chosen field values; and a `merge` record (`M1`, `M2` …)
/// keeps everything needed to undo it (`UnmergePlan`): the absorbed customer's
/// full fields, the survivor's values before and after, and the moved ids.
///
/// Field choice: by default the survivor keeps its values and takes the
/// absorbed customer's where its own are empty; tags are united; `choices`
/// overrides per field (`prefer` in `kehu merge`, the review pane's picks).
public struct MergePlan: Sendable {
    public enum Side: String, Sendable { case survivor, absorbed }

    public static let entity = "merge"

    public var survivor: String
    public var absorbed: String
    /// Field key (`phone`, `custom.税号`) → whose value to keep.
    public var choices: [String: Side] = [:]

    public init(survivor: String, absorbed: String, choices: [String: Side] = [:]) {
        self.survivor = survivor; self.absorbed = absorbed; self.choices = choices
    }

    /// The survivor's field values after the merge (only the keys that change).
    public func mergedFields(_ s: Customer, _ a: Customer) -> [String: Value] {
        let sv = s.fieldValues, av = a.fieldValues
        var out: [String: Value] = [:]
        let keys = Set(sv.keys).union(av.keys).subtracting(["createdAt", "updatedAt", "ownerSince"])
        for k in keys {
            let mine = sv[k], theirs = av[k]
            let value: Value?
            if k == "tags" {
                let union = (mine?.stringArray ?? []) + (theirs?.stringArray ?? []).filter { !(mine?.stringArray ?? []).contains($0) }
                value = union.isEmpty ? nil : Value(union)
            } else {
                switch choices[k] {
                case .absorbed?: value = theirs
                case .survivor?: value = mine
                case nil: value = mine ?? theirs
                }
            }
            if value != mine { out[k] = value ?? .null }
        }
        if out["owner"] != nil { out["ownerSince"] = av["ownerSince"] ?? .null }
        return out
    }

    /// The changes of the merge, for `store.commit { snapshot in … }`.
    /// - Throws: `ChangeError` when a customer is missing or both are the same.
    public func changes(_ snapshot: Snapshot, note: String? = nil) throws(ChangeError) -> [Change] {
        guard survivor != absorbed else { throw .invalid(entity: "customer", id: survivor, field: "id", reason: "cannot merge a customer with itself") }
        guard let s = snapshot.customers[survivor] else { throw .notFound(entity: "customer", id: survivor) }
        guard let a = snapshot.customers[absorbed] else { throw .notFound(entity: "customer", id: absorbed) }
        var out: [Change] = []
        var moved: [String: Value] = [:]
        for (entity, ids) in [(Entity.contact, snapshot.contactsByCustomer[a.id] ?? []),
                              (.transaction, snapshot.transactionsByCustomer[a.id] ?? []),
                              (.interaction, snapshot.interactionsByCustomer[a.id] ?? [])] {
            for id in ids {
                out.append(.update(entity, id: id, base: snapshot.version(entity: entity.rawValue, id: id), ["customer": .string(s.id)], event: "merge"))
            }
            moved[entity.rawValue] = Value(ids)
        }
        out.append(.delete(.customer, id: a.id, base: a.version, event: "merge"))
        let after = mergedFields(s, a)
        if !after.isEmpty { out.append(.update(.customer, id: s.id, base: s.version, after, event: "merge")) }
        let sv = s.fieldValues
        var before: [String: Value] = [:]
        for k in after.keys { before[k] = sv[k] ?? .null }
        var record: [String: Value] = [
            "survivor": .string(s.id), "absorbed": .string(a.id), "status": "merged",
            "absorbedFields": .object(a.fieldValues), "survivorBefore": .object(before), "survivorAfter": .object(after),
            "moved": .object(moved),
        ]
        if let ext = a.externalId { record["absorbedExternalId"] = .string(ext) }
        if let note { record["note"] = .string(note) }
        out.append(Change(op: .create, entity: MergePlan.entity, id: MergePlan.nextId(snapshot), fields: record, event: "merge"))
        return out
    }

    /// `M1`, `M2` …: one more than the highest merge record.
    public static func nextId(_ snapshot: Snapshot) -> String {
        "M\((snapshot.extras[entity]?.keys.map(idNumber).max() ?? 0) + 1)"
    }
}

/// Undoing a merge: the absorbed customer comes back with its id and fields,
/// the records that moved and still sit with the survivor move back, and the
/// survivor's fields the merge changed return to their old values — unless
/// someone edited them since, in which case the edit is kept (and reported).
public struct UnmergePlan: Sendable {
    public var mergeId: String
    /// Survivor fields left as they are because they were edited after the merge.
    public private(set) var keptEdits: [String] = []

    public init(mergeId: String) { self.mergeId = mergeId }

    public mutating func changes(_ snapshot: Snapshot) throws(ChangeError) -> [Change] {
        keptEdits = []
        guard let m = snapshot.extras[MergePlan.entity]?[mergeId] else { throw .notFound(entity: MergePlan.entity, id: mergeId) }
        guard m["status"]?.stringValue == "merged" else {
            throw .invalid(entity: MergePlan.entity, id: mergeId, field: "status", reason: "already undone")
        }
        guard let sid = m["survivor"]?.stringValue, let aid = m["absorbed"]?.stringValue,
              let fields = m["absorbedFields"]?.objectValue else {
            throw .invalid(entity: MergePlan.entity, id: mergeId, field: "absorbedFields", reason: "merge record is incomplete")
        }
        guard snapshot.customers[aid] == nil else { throw .alreadyExists(entity: "customer", id: aid) }
        var out: [Change] = []
        if let s = snapshot.customers[sid] {
            let current = s.fieldValues
            let before = m["survivorBefore"]?.objectValue ?? [:], after = m["survivorAfter"]?.objectValue ?? [:]
            var restore: [String: Value] = [:]
            for (k, old) in before {
                let merged = after[k] ?? .null
                if (current[k] ?? .null) == merged { restore[k] = old } else { keptEdits.append(k) }
            }
            keptEdits.sort()
            if !restore.isEmpty { out.append(.update(.customer, id: sid, base: s.version, restore, event: "unmerge")) }
        }
        out.append(.create(.customer, id: aid, fields, event: "unmerge"))
        let moved = m["moved"]?.objectValue ?? [:]
        for entity in [Entity.contact, .transaction, .interaction] {
            for id in moved[entity.rawValue]?.stringArray ?? [] {
                let owner: String?
                switch entity {
                case .contact: owner = snapshot.contacts[id]?.customerId
                case .transaction: owner = snapshot.transactions[id]?.customerId
                default: owner = snapshot.interactions[id]?.customerId
                }
                guard owner == sid else { continue }
                out.append(.update(entity, id: id, base: snapshot.version(entity: entity.rawValue, id: id), ["customer": .string(aid)], event: "unmerge"))
            }
        }
        out.append(Change(op: .update, entity: MergePlan.entity, id: mergeId, base: snapshot.version(entity: MergePlan.entity, id: mergeId),
                          fields: ["status": "undone"], event: "unmerge"))
        return out
    }
}

/// Where references to a merged-away customer now go.
public enum MergeAlias {
    /// The customer that absorbed the one with this id or external id (following
    /// chains of merges), or nil.
    public static func survivor(of ref: String, in snapshot: Snapshot) -> String? {
        guard let merges = snapshot.extras[MergePlan.entity], !merges.isEmpty else { return nil }
        var target = ref
        for _ in 0..<16 {
            guard let m = merges.values.first(where: {
                $0["status"]?.stringValue == "merged" && ($0["absorbed"]?.stringValue == target || $0["absorbedExternalId"]?.stringValue == target)
            }), let s = m["survivor"]?.stringValue else { break }
            if snapshot.customers[s] != nil { return s }
            target = s
        }
        return nil
    }
}
