/// The pool (公海) rules of a store: the `[pool]` section of `config.toml`,
/// every key optional (a missing key switches its rule off).
///
/// ```toml
/// [pool]
/// noFollowUpDays = 30      # released after 30 days without a contact
/// noDealDays = 90          # … or 90 days without a purchase
/// warnDays = 7             # 公海预警 reminder 7 days before
/// maxCustomers = 200       # customers one user may hold
/// exemptWithDeals = true   # customers with a purchase do not count toward maxCustomers
/// claimsPerDay = 10        # claims per user per calendar day
/// reclaimAfterDays = 30    # a former owner waits 30 days before claiming it again
/// managers = ["wang"]      # may assign and release anyone's customers
/// ```
///
/// Both clocks start when the current owner got the customer (`ownerSince`,
/// or its creation day when that is unset) and restart at each contact or
/// purchase after it.
public struct PoolRules: Hashable, Sendable {
    public var noFollowUpDays: Int?
    public var noDealDays: Int?
    public var warnDays: Int?
    public var maxCustomers: Int?
    public var exemptWithDeals: Bool = false
    public var claimsPerDay: Int?
    public var reclaimAfterDays: Int?
    /// Logins that may assign pool customers and release anyone's customer.
    /// Empty means no roles are configured (a one-person store): everyone may.
    public var managers: Set<String> = []
    /// Admins (`[roles] admins`): managers of every team.
    public var admins: Set<String> = []
    /// `[teams]`: a manager assigns to, and releases from, members of their teams.
    /// Empty: no teams, a manager manages everyone.
    public var teams: [String: Set<String>] = [:]

    public static let keys = ["noFollowUpDays", "noDealDays", "warnDays", "maxCustomers", "exemptWithDeals",
                              "claimsPerDay", "reclaimAfterDays", "managers"]

    public init(noFollowUpDays: Int? = nil, noDealDays: Int? = nil, warnDays: Int? = nil, maxCustomers: Int? = nil,
                exemptWithDeals: Bool = false, claimsPerDay: Int? = nil, reclaimAfterDays: Int? = nil, managers: Set<String> = []) {
        self.noFollowUpDays = noFollowUpDays; self.noDealDays = noDealDays; self.warnDays = warnDays
        self.maxCustomers = maxCustomers; self.exemptWithDeals = exemptWithDeals; self.claimsPerDay = claimsPerDay
        self.reclaimAfterDays = reclaimAfterDays; self.managers = managers
    }

    /// Reads the rules from the `[pool]` section; managers also come from
    /// `[roles] managers` and `[roles] admins`, teams from `[teams]` (the roles
    /// of the shared server, see `AccessPolicy`).
    /// - Throws: `PoolError.config` for the first bad key, naming it.
    public init(pool: [String: Value], roles: [String: Value] = [:], teams: [String: Value] = [:]) throws(PoolError) {
        for key in pool.keys.sorted() where !PoolRules.keys.contains(key) {
            throw .config(key: key, reason: "unknown key; known: \(PoolRules.keys.joined(separator: ", "))")
        }
        func days(_ key: String, min: Int) throws(PoolError) -> Int? {
            guard let v = pool[key] else { return nil }
            guard let n = v.intValue, n >= min, n <= 100_000 else { throw .config(key: key, reason: "must be a whole number ≥ \(min)") }
            return Int(n)
        }
        noFollowUpDays = try days("noFollowUpDays", min: 1)
        noDealDays = try days("noDealDays", min: 1)
        warnDays = try days("warnDays", min: 0)
        maxCustomers = try days("maxCustomers", min: 0)
        claimsPerDay = try days("claimsPerDay", min: 0)
        reclaimAfterDays = try days("reclaimAfterDays", min: 0)
        if let v = pool["exemptWithDeals"] {
            guard let b = v.boolValue else { throw .config(key: "exemptWithDeals", reason: "must be true or false") }
            exemptWithDeals = b
        }
        var m = Set<String>()
        for (name, section, key) in [("pool", pool, "managers"), ("roles", roles, "managers"), ("roles", roles, "admins")] {
            guard let v = section[key] else { continue }
            guard let list = v.stringArray else { throw .config(section: name, key: key, reason: "must be a list of logins") }
            m.formUnion(list)
            if key == "admins" { admins.formUnion(list) }
        }
        managers = m
        for (name, v) in teams {
            guard let list = v.stringArray else { throw .config(section: "teams", key: name, reason: "must be a list of logins") }
            self.teams[name] = Set(list)
        }
    }

    /// True when a rule can release customers automatically.
    public var releases: Bool { noFollowUpDays != nil || noDealDays != nil }

    /// Whether a login may assign customers and release others' customers.
    public func isManager(_ user: String) -> Bool { managers.isEmpty || managers.contains(user) }

    /// Whether a manager's authority reaches `other`: always for an admin, in a
    /// store without roles or without teams; else when a team has them both.
    public func manages(_ user: String, _ other: String) -> Bool {
        if managers.isEmpty || admins.contains(user) || teams.isEmpty { return true }
        return teams.values.contains { $0.contains(user) && $0.contains(other) }
    }
}
