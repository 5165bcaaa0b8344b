/// Review decisions kept in the journal as extras: a pair someone marked "not
/// a duplicate" is stored as entity `dedup-distinct` with id `C1|C7` (ids in
/// order), so every later dedup run skips it.
public enum DedupDecision {
    public static let distinctEntity = "dedup-distinct"

    /// The order-independent key of a pair.
    public static func key(_ a: String, _ b: String) -> String {
        idNumber(a) < idNumber(b) || (idNumber(a) == idNumber(b) && a < b) ? a + "|" + b : b + "|" + a
    }

    /// The pairs marked distinct in a snapshot.
    public static func distinctPairs(_ snapshot: Snapshot) -> Set<String> {
        Set((snapshot.extras[distinctEntity] ?? [:]).keys)
    }

    /// The change that records "these two are different customers".
    public static func markDistinct(_ a: String, _ b: String, note: String? = nil) -> Change {
        var fields: [String: Value] = ["a": .string(a), "b": .string(b)]
        if let note { fields["note"] = .string(note) }
        return Change(op: .create, entity: distinctEntity, id: key(a, b), fields: fields, event: "not-duplicate")
    }
}
