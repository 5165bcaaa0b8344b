/// The searchable text of a customer for `SearchIndex`: what an account
/// manager types to find one — the name (and its pinyin, full and initials),
/// id and external id, contact names (and their pinyin), phone digits, emails,
/// WeChat ids and tags.
public enum CustomerSearchKeys {
    public static func text(_ c: Customer, contacts: [Contact]) -> String {
        var parts: [String] = [SearchText.fold(c.name), c.id.lowercased()]
        addPinyin(c.name, surname: false, to: &parts)
        if let e = c.externalId { parts.append(SearchText.fold(e)) }
        for p in [c.phone, c.fax].compactMap({ $0 }) { parts.append(phone(p)) }
        if let e = c.email { parts.append(SearchText.fold(e)) }
        for t in c.tags { parts.append(SearchText.fold(t)) }
        for p in contacts {
            parts.append(SearchText.fold(p.name))
            addPinyin(p.name, surname: true, to: &parts)
            for n in [p.phone, p.mobile].compactMap({ $0 }) { parts.append(phone(n)) }
            if let e = p.email { parts.append(SearchText.fold(e)) }
            if let w = p.wechat { parts.append(SearchText.fold(w)) }
        }
        return parts.filter { !$0.isEmpty }.joined(separator: "\u{1}")
    }

    static func addPinyin(_ name: String, surname: Bool, to parts: inout [String]) {
        let k = Pinyin.keys(name)
        parts += k.full
        parts += k.initials
        if surname, let first = name.unicodeScalars.first, let r = Pinyin.surnames[first] {
            // The surname reading for the whole name, in case it is not among the combinations.
            let rest = String(String.UnicodeScalarView(name.unicodeScalars.dropFirst()))
            parts.append(r + Pinyin.full(rest))
        }
    }

    /// Digits only, so `138-0013-8000` and `13800138000` are found by either.
    static func phone(_ p: String) -> String {
        var out = String.UnicodeScalarView()
        for s in p.unicodeScalars { if let c = SearchText.foldASCII(s), c.value <= 0x39 { out.append(c) } }
        return String(out)
    }
}
