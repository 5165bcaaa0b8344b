/// Who last changed each record, keyed `entity/id` (`customer/C12`), as the
/// conflict messages and the detail pane read it: `snapshot.lastChangedBy["customer/C12"]`.
///
/// A `[String: String]` here held 1.75M keys like `transaction/T970412` (over 15
/// bytes, so a heap string each) at 100k customers. Logins are few: they get a
/// 16-bit code, and records with store-style ids (`T970412`) keep it in a dense
/// array per entity indexed by the id number; only other keys use a dictionary.
public struct ChangedBy: Sendable {
    var logins: [String] = [""]
    var loginCodes: [String: UInt16] = [:]
    /// customer, contact, transaction, interaction → id number → login code (0: none).
    var dense: [[UInt16]] = [[], [], [], []]
    var other: [String: String] = [:]
    /// The login set last and its code: a replay or load sets the same login many times in a row.
    var lastLogin = ""
    var lastCode: UInt16 = 0

    public init() {}

    static let entities: [(name: String, letter: UInt8)] = [
        ("customer", UInt8(ascii: "C")), ("contact", UInt8(ascii: "P")),
        ("transaction", UInt8(ascii: "T")), ("interaction", UInt8(ascii: "I")),
    ]

    /// The dense slot of a key, if it has one.
    static func slot(entity: Substring, id: Substring) -> (table: Int, number: Int)? {
        guard let t = entities.firstIndex(where: { $0.name == entity }) else { return nil }
        return slot(table: t, id: id)
    }

    static func slot(_ key: String) -> (table: Int, number: Int)? {
        guard let slash = key.utf8.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        return slot(entity: key[..<slash], id: key[key.index(after: slash)...])
    }

    public subscript(key: String) -> String? {
        get {
            if let (t, n) = Self.slot(key) {
                guard n < dense[t].count else { return nil }
                let c = dense[t][n]
                return c == 0 ? nil : logins[Int(c)]
            }
            return other[key]
        }
        set {
            if let (t, n) = Self.slot(key) { set(table: t, number: n, newValue) } else { other[key] = newValue }
        }
    }

    /// The login that last changed `entity`/`id`, without building the key string.
    public func login(entity: String, id: String) -> String? {
        if let (t, n) = Self.slot(entity: Substring(entity), id: Substring(id)) {
            guard n < dense[t].count else { return nil }
            let c = dense[t][n]
            return c == 0 ? nil : logins[Int(c)]
        }
        return other[entity + "/" + id]
    }

    /// Sets the login of `entity`/`id` without building the key string (the hot path of a replay).
    mutating func set(entity: String, id: String, _ login: String?) {
        if let (t, n) = Self.slot(entity: Substring(entity), id: Substring(id)) { set(table: t, number: n, login) }
        else { other[entity + "/" + id] = login }
    }

    /// Sets the login of a record of dense table `t` (0 customer … 3 interaction): the loaders' path.
    mutating func set(table t: Int, id: String, _ login: String?) {
        if let (tt, n) = Self.slot(table: t, id: Substring(id)) { set(table: tt, number: n, login) }
        else { other[Self.entities[t].name + "/" + id] = login }
    }

    static func slot(table t: Int, id: Substring) -> (table: Int, number: Int)? {
        var n = 0, i = 0
        for b in id.utf8 {
            if i == 0 { guard b == entities[t].letter else { return nil } } else {
                guard b >= 48, b <= 57, !(i == 1 && b == 48), i <= 9 else { return nil }
                n = n * 10 + Int(b - 48)
            }
            i += 1
        }
        return i >= 2 && n < 1 << 26 ? (t, n) : nil
    }

    static func table(of entity: String) -> Int? { entities.firstIndex { $0.name == entity } }

    mutating func set(table t: Int, number n: Int, _ login: String?) {
        var code: UInt16 = 0
        if let login {
            if login == lastLogin, lastCode != 0 { code = lastCode } else if let c = loginCodes[login] { code = c; lastLogin = login; lastCode = c } else if logins.count < Int(UInt16.max) {
                code = UInt16(logins.count)
                logins.append(login)
                loginCodes[login] = code
            } else {
                other[Self.entities[t].name + "/" + String(UnicodeScalar(Self.entities[t].letter)) + String(n)] = login
                return
            }
        }
        if n >= dense[t].count {
            if code == 0 { return }
            dense[t].append(contentsOf: repeatElement(0, count: n + 1 - dense[t].count))
        }
        dense[t][n] = code
    }

    /// Every key and login (for comparing two states).
    public var all: [String: String] {
        var out = other
        for (t, list) in dense.enumerated() {
            let prefix = Self.entities[t].name + "/" + String(UnicodeScalar(Self.entities[t].letter))
            for (n, c) in list.enumerated() where c != 0 { out[prefix + String(n)] = logins[Int(c)] }
        }
        return out
    }
}

extension ChangedBy: Equatable {
    public static func == (a: ChangedBy, b: ChangedBy) -> Bool {
        guard a.other == b.other else { return false }
        for t in 0..<a.dense.count {
            let x = a.dense[t], y = b.dense[t]
            for n in 0..<max(x.count, y.count) {
                let l = n < x.count && x[n] != 0 ? a.logins[Int(x[n])] : nil
                let r = n < y.count && y[n] != 0 ? b.logins[Int(y[n])] : nil
                if l != r { return false }
            }
        }
        return true
    }
}

