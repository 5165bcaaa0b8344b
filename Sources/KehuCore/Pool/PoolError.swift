/// Why a pool action was refused. One line each, naming the customer and the
/// rule, and saying what the user can do.
public enum PoolError: Error, Hashable, Sendable, CustomStringConvertible {
    case config(section: String = "pool", key: String, reason: String)
    case noCustomer(String)
    /// The customer has an owner: someone claimed it first, or it never was in the pool.
    case alreadyOwned(customer: String, owner: String, since: LocalDate?, you: Bool)
    case inPool(customer: String)
    case locked(customer: String)
    case notAllowed(customer: String, reason: String)
    case holdingLimit(held: Int, max: Int)
    case dailyLimit(claimed: Int, max: Int, day: LocalDate)
    case reclaimTooSoon(customer: String, releasedOn: LocalDate, allowedFrom: LocalDate)

    public var description: String {
        switch self {
        case let .config(section, key, reason): return "config.toml: [\(section)] \(key): \(reason)"
        case .noCustomer(let ref): return "no customer \(ref)"
        case let .alreadyOwned(c, owner, since, you):
            if you { return "\(c): you already own it" }
            return "\(c): already claimed by \(owner)\(since.map { " on \($0)" } ?? "") — ask \(owner) or a manager"
        case .inPool(let c): return "\(c): is in the pool (公海), nobody owns it; claim it with: kehu claim \(c)"
        case .locked(let c): return "\(c): is locked (锁定); unlock it first: kehu edit \(c) --set locked=false"
        case let .notAllowed(c, reason): return "\(c): \(reason)"
        case let .holdingLimit(held, max):
            return "you hold \(held) customers, the most allowed is \(max) ([pool] maxCustomers); release one first"
        case let .dailyLimit(claimed, max, day):
            return "you have claimed \(claimed) customers on \(day), the most per day is \(max) ([pool] claimsPerDay)"
        case let .reclaimTooSoon(c, on, from):
            return "\(c): you released it on \(on); you may claim it again from \(from) ([pool] reclaimAfterDays)"
        }
    }
}
