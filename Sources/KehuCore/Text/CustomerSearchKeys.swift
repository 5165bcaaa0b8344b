/// The searchable text of a customer for `SearchIndex`: what an account
/// manager types to find one — the name (and its pinyin, full and initials),
/// id and external id, contact names (and their pinyin), phone digits, emails,
/// WeChat ids and tags. Built as bytes directly: it runs for every customer
/// when the workstation opens.
public enum CustomerSearchKeys {
    public static func text(_ c: Customer, contacts: [Contact]) -> String {
        String(decoding: document(c, contacts: contacts), as: UTF8.self)
    }

    public static func document(_ c: Customer, contacts: [Contact]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(c.name.utf8.count * 4 + 64)
        func sep() { if let l = out.last, l != SearchIndex.separator { out.append(SearchIndex.separator) } }
        func add(_ s: String?) { guard let s, !s.isEmpty else { return }; sep(); SearchText.fold(s, into: &out) }
        add(c.name)
        // "acmetrading" finds "Acme Trading" too (people type names without spaces).
        if c.name.utf8.contains(0x20) {
            sep(); var folded: [UInt8] = []; SearchText.fold(c.name, into: &folded); out += folded.filter { $0 != 0x20 }
        }
        sep(); for b in c.id.utf8 { out.append(b >= 0x41 && b <= 0x5A ? b + 32 : b) }
        addPinyin(c.name, surname: false, to: &out)
        add(c.externalId)
        for p in [c.phone, c.fax] { if let p { sep(); phone(p, into: &out) } }
        add(c.email)
        for t in c.tags { add(t) }
        for p in contacts {
            add(p.name)
            addPinyin(p.name, surname: true, to: &out)
            for n in [p.phone, p.mobile] { if let n { sep(); phone(n, into: &out) } }
            add(p.email)
            add(p.wechat)
        }
        if out.last == SearchIndex.separator { out.removeLast() }
        return out
    }

    static func addPinyin(_ name: String, surname: Bool, to out: inout [UInt8]) {
        let k = Pinyin.keyBytes(name)
        for v in k.full + k.initials { out.append(SearchIndex.separator); out += v }
        if surname, let first = name.unicodeScalars.first, Pinyin.surnames[first] != nil {
            // The surname reading for the whole name, in case it is not among the combinations.
            out.append(SearchIndex.separator)
            Pinyin.full(name, surname: true, into: &out)
        }
    }

    /// Digits only, so `138-0013-8000` and `13800138000` are found by either.
    static func phone(_ p: String, into out: inout [UInt8]) {
        for s in p.unicodeScalars { if let c = SearchText.foldASCII(s), c.value <= 0x39 { out.append(UInt8(c.value)) } }
    }
}
