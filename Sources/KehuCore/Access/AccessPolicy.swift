/// Who sees and changes what, from the store's `[roles]`, `[teams]` and
/// `[privacy]` settings. Pure: the server applies it to every read and write.
///
/// ```toml
/// [roles]
/// admins = ["root", "kehu"]
/// managers = ["mgr"]
/// # everyone else who can reach the socket is a rep
///
/// [teams]
/// east = ["mgr", "alice", "bob"]     # a manager sees the customers of everyone in their teams
///
/// [privacy]
/// sensitive = ["phone", "fax", "email", "address"]  # default; contacts' phone/mobile/email/wechat too
/// clear_roles = ["admin"]            # roles that see personal data unmasked (default: admin)
/// owners_see_own = true              # an owner sees their own customers' data unmasked (default: true)
/// export_roles = ["admin", "manager"]  # roles allowed to export personal data
/// ```
public struct AccessPolicy: Sendable {
    public var admins: Set<String> = []
    public var managers: Set<String> = []
    public var teams: [String: Set<String>] = [:]
    public var sensitiveFields: Set<String> = ["phone", "fax", "email", "address"]
    public var sensitiveContactFields: Set<String> = ["phone", "mobile", "email", "wechat"]
    public var clearRoles: Set<UserRole> = [.admin]
    public var ownersSeeOwn = true
    public var exportRoles: Set<UserRole> = [.admin, .manager]

    public init() {}

    /// Builds the policy from config sections (section → key → value).
    public init(sections: [String: [String: Value]]) {
        let roles = sections["roles"] ?? [:]
        admins = Set(roles["admins"]?.stringArray ?? [])
        managers = Set(roles["managers"]?.stringArray ?? [])
        for (name, v) in sections["teams"] ?? [:] { teams[name] = Set(v.stringArray ?? []) }
        let privacy = sections["privacy"] ?? [:]
        if let s = privacy["sensitive"]?.stringArray { sensitiveFields = Set(s) }
        if let r = privacy["clear_roles"]?.stringArray { clearRoles = Set(r.compactMap(UserRole.init(rawValue:))) }
        if let b = privacy["owners_see_own"]?.boolValue { ownersSeeOwn = b }
        if let r = privacy["export_roles"]?.stringArray { exportRoles = Set(r.compactMap(UserRole.init(rawValue:))) }
    }

    public func role(of user: String) -> UserRole {
        if admins.contains(user) { return .admin }
        if managers.contains(user) { return .manager }
        return .rep
    }

    /// Everyone whose customers `user` may see (themselves, and their teams' members for a manager).
    public func colleagues(of user: String) -> Set<String> {
        var out: Set<String> = [user]
        if role(of: user) >= .manager { for (_, members) in teams where members.contains(user) { out.formUnion(members) } }
        return out
    }

    /// A customer is visible when it is in the pool, owned by the user, or (for a
    /// manager) owned by a member of one of their teams; an admin sees all.
    public func canSee(_ c: Customer, user: String) -> Bool {
        if role(of: user) == .admin { return true }
        guard let owner = c.owner else { return true }
        return colleagues(of: user).contains(owner)
    }

    /// Whether `user` sees `c`'s personal data unmasked.
    public func seesClear(_ c: Customer?, user: String) -> Bool {
        if clearRoles.contains(role(of: user)) { return true }
        if ownersSeeOwn, let c, c.owner == user { return true }
        return false
    }

    public func mayExportPersonalData(_ user: String) -> Bool { exportRoles.contains(role(of: user)) }

    /// Masks a personal value the way Chinese CRMs show it: `138****5678`,
    /// `z***@example.com`, an address cut after its first few characters.
    public static func mask(_ value: String, field: String) -> String {
        if value.isEmpty { return value }
        if field == "email", let at = value.firstIndex(of: "@") {
            return String(value[..<at].prefix(1)) + "***" + String(value[at...])
        }
        if ["phone", "mobile", "fax"].contains(field) {
            let chars = Array(value)
            let digitIdx = chars.indices.filter { chars[$0].isNumber }
            guard digitIdx.count >= 7 else { return String(repeating: "*", count: chars.count) }
            var out = chars
            let keepHead = digitIdx.count >= 11 ? 3 : 2
            for (n, i) in digitIdx.enumerated() where n >= keepHead && n < digitIdx.count - 4 { out[i] = "*" }
            // Collapse separators inside the masked run so 138-0013-8000 reads 138****8000.
            return String(out)
        }
        if field == "address" { return String(value.prefix(min(6, max(1, value.count / 3)))) + "****" }
        return String(value.prefix(1)) + "***"
    }

    /// True when a value is a masked rendering (a client must never write one back).
    public static func looksMasked(_ value: String) -> Bool { value.contains("***") }
}
