/// What the pool remembers about one customer: a `poolHistory` record in
/// `Snapshot.extras`, id = the customer id, written with every release.
///
/// Fields: `released` (object: login → the last day that login lost the
/// customer to the pool; what `reclaimAfterDays` checks), `lastOwner`,
/// `releasedOn`, `releasedBy` (who released it: the owner, a manager, or whoever
/// ran the sweep), `rule` (noFollowUp / noDeal / manual), `reason` (text).
/// The full history (every claim, release and assignment, with who and when)
/// is the journal: customer updates whose `event` is claim / release / assign.
public struct PoolHistory: Hashable, Sendable {
    public static let entity = "poolHistory"

    public var customerId: String
    public var version: Int
    public var released: [String: LocalDate]
    public var lastOwner: String?
    public var releasedOn: LocalDate?
    public var releasedBy: String?
    public var rule: String?
    public var reason: String?

    public init(customerId: String, fields f: [String: Value]) {
        self.customerId = customerId
        version = Int(f["_version"]?.intValue ?? 0)
        var r: [String: LocalDate] = [:]
        for (k, v) in f["released"]?.objectValue ?? [:] { if let d = v.stringValue.flatMap({ LocalDate($0) }) { r[k] = d } }
        released = r
        lastOwner = f["lastOwner"]?.stringValue
        releasedOn = f["releasedOn"]?.stringValue.flatMap { LocalDate($0) }
        releasedBy = f["releasedBy"]?.stringValue
        rule = f["rule"]?.stringValue
        reason = f["reason"]?.stringValue
    }

    public static func of(_ customerId: String, in s: Snapshot) -> PoolHistory? {
        s.extras[entity]?[customerId].map { PoolHistory(customerId: customerId, fields: $0) }
    }
}

/// The claims one user made on one calendar day: a `poolClaims` record, id
/// `login/YYYY-MM-DD`, fields `count` and `customers`. Kept so that
/// `claimsPerDay` is checked from the snapshot under the write lock, without
/// reading the journal.
public struct PoolClaims: Hashable, Sendable {
    public static let entity = "poolClaims"

    public static func id(_ user: String, _ day: LocalDate) -> String { "\(user)/\(day)" }

    public var version: Int
    public var count: Int
    public var customers: [String]

    public init(fields f: [String: Value]) {
        version = Int(f["_version"]?.intValue ?? 0)
        count = Int(f["count"]?.intValue ?? 0)
        customers = f["customers"]?.stringArray ?? []
    }

    public static func of(_ user: String, on day: LocalDate, in s: Snapshot) -> PoolClaims? {
        s.extras[entity]?[id(user, day)].map { PoolClaims(fields: $0) }
    }
}
