/// An amount in integer minor units (分 for CNY) with an ISO 4217 currency.
public struct Money: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var minor: Int64
    public var currency: String

    public init(minor: Int64, currency: String = "CNY") { self.minor = minor; self.currency = currency }

    /// Parses `1234.5`, `1,234.50`, `¥1234`, `-12.3` exactly (no floating point).
    /// Returns nil for more than two decimals or anything not a number.
    public init?(parsing text: String, currency: String = "CNY") {
        if let minor = Money.plainMinor(text) { self.minor = minor; self.currency = currency; return }
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        for sym in ["¥", "￥", "RMB", "CNY", "$", "元"] { if s.hasPrefix(sym) { s = s.dropFirst(sym.count) }; if s.hasSuffix(sym) { s = s.dropLast(sym.count) } }
        s = Substring(s.trimmingCharacters(in: .whitespaces))
        var negative = false
        if s.hasPrefix("-") { negative = true; s = s.dropFirst() } else if s.hasPrefix("+") { s = s.dropFirst() }
        let parts = s.replacingOccurrences(of: ",", with: "").split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 2, !parts[0].isEmpty || parts.count == 2,
              parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), parts[0].count <= 15 else { return nil }
        var minor = (Int64(parts[0]) ?? 0) * 100
        if parts.count == 2 {
            let frac = parts[1]
            guard frac.count <= 2, frac.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            let f = Int64(frac.isEmpty ? "0" : String(frac))!
            minor += frac.count == 1 ? f * 10 : f
        }
        self.minor = negative ? -minor : minor
        self.currency = currency
    }

    /// The journal's own form (`-1234.5`, `12800.50`, `7`) read without Foundation:
    /// replay parses a million of these. Anything else returns nil and takes the general path.
    @inline(__always) static func plainMinor(_ text: String) -> Int64? {
        var t = text
        return t.withUTF8 { b -> Int64? in
            guard !b.isEmpty, b.count <= 19 else { return nil }
            var i = 0, negative = false
            if b[0] == UInt8(ascii: "-") { negative = true; i = 1 }
            var whole: Int64 = 0, digits = 0
            while i < b.count, b[i] >= 48, b[i] <= 57 { whole = whole * 10 + Int64(b[i] - 48); i += 1; digits += 1 }
            guard digits > 0, digits <= 15 else { return nil }
            var frac: Int64 = 0
            if i < b.count {
                guard b[i] == UInt8(ascii: "."), b.count - i - 1 >= 1, b.count - i - 1 <= 2 else { return nil }
                i += 1
                let n = b.count - i
                while i < b.count { guard b[i] >= 48, b[i] <= 57 else { return nil }; frac = frac * 10 + Int64(b[i] - 48); i += 1 }
                if n == 1 { frac *= 10 }
            }
            let minor = whole * 100 + frac
            return negative ? -minor : minor
        }
    }

    /// `1234.50` (no symbol, no grouping): the form the journal and CSV use.
    public var plain: String {
        let sign = minor < 0 ? "-" : ""
        let a = minor.magnitude
        return "\(sign)\(a / 100).\(pad(Int(a % 100), 2))"
    }

    /// `¥1,234.50`: the form the screen uses.
    public var formatted: String {
        let sign = minor < 0 ? "-" : ""
        let a = minor.magnitude
        var whole = String(a / 100)
        var groups: [Substring] = []
        while whole.count > 3 { groups.insert(Substring(whole.suffix(3)), at: 0); whole.removeLast(3) }
        groups.insert(Substring(whole), at: 0)
        let symbol = currency == "CNY" ? "¥" : (currency == "USD" ? "$" : currency + " ")
        return "\(sign)\(symbol)\(groups.joined(separator: ",")).\(pad(Int(a % 100), 2))"
    }

    public var description: String { plain + " " + currency }
    public static func < (a: Money, b: Money) -> Bool { a.minor < b.minor }
}
