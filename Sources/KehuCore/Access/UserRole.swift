/// What a user may do in team mode. Roles are given in the store's
/// configuration (`[roles]`), never claimed by the client.
public enum UserRole: String, Sendable, CaseIterable, Comparable {
    /// Their own customers and the pool.
    case rep
    /// Their team's customers and the pool; assigns pool customers.
    case manager
    /// Everything, the dictionary and the users.
    case admin

    public static func < (a: UserRole, b: UserRole) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
