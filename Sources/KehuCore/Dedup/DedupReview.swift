/// One pair in the merge review queue, laid out side by side for a person to
/// decide: merge (choosing field by field), or "not a duplicate".
///
/// The workstation's review pane renders these; `kehu dedup`/`kehu merge` use
/// the same values. Build the queue with `DedupReview.queue(snapshot, result)`,
/// then for a decision commit either `review.mergePlan(choices).changes(snapshot)`
/// or `[DedupDecision.markDistinct(review.left.id, review.right.id)]`.
public struct DedupReview: Sendable {
    public struct Row: Sendable, Hashable {
        /// A `CustomerField` key or `custom.NAME`.
        public var field: String
        public var left: String
        public var right: String
        public var same: Bool { left == right }
    }

    public var pair: DedupPair
    public var left: Customer
    public var right: Customer
    /// Fields where at least one side has a value.
    public var rows: [Row]
    public var leftCounts: (contacts: Int, transactions: Int, interactions: Int)
    public var rightCounts: (contacts: Int, transactions: Int, interactions: Int)
    /// The side to keep by default: more history (transactions, then interactions), then the older record.
    public var suggestedSurvivor: String

    public init?(pair: DedupPair, snapshot: Snapshot) {
        guard let l = snapshot.customers[pair.id1], let r = snapshot.customers[pair.id2] else { return nil }
        self.pair = pair; left = l; right = r
        func counts(_ id: String) -> (Int, Int, Int) {
            (snapshot.contactsByCustomer[id]?.count ?? 0, snapshot.transactionsByCustomer[id]?.count ?? 0,
             snapshot.interactionsByCustomer[id]?.count ?? 0)
        }
        leftCounts = counts(l.id); rightCounts = counts(r.id)
        var rows: [Row] = []
        for f in CustomerField.allCases where f != .createdAt && f != .updatedAt {
            let a = l.text(f), b = r.text(f)
            if !a.isEmpty || !b.isEmpty { rows.append(Row(field: f.rawValue, left: a, right: b)) }
        }
        for k in Set(l.custom.keys).union(r.custom.keys).sorted() {
            rows.append(Row(field: "custom." + k, left: l.custom[k] ?? "", right: r.custom[k] ?? ""))
        }
        self.rows = rows
        let lk = (leftCounts.transactions, leftCounts.interactions, -idNumber(l.id))
        let rk = (rightCounts.transactions, rightCounts.interactions, -idNumber(r.id))
        suggestedSurvivor = lk >= rk ? l.id : r.id
    }

    /// The review queue for a dedup result, best pairs first.
    public static func queue(_ snapshot: Snapshot, _ result: DedupResult) -> [DedupReview] {
        result.pairs.compactMap { DedupReview(pair: $0, snapshot: snapshot) }
    }

    /// A merge into `survivor` (default: the suggested one) with per-field choices.
    public func mergePlan(survivor: String? = nil, choices: [String: MergePlan.Side] = [:]) -> MergePlan {
        let s = survivor ?? suggestedSurvivor
        return MergePlan(survivor: s, absorbed: s == left.id ? right.id : left.id, choices: choices)
    }
}
