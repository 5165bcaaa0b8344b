/// Pinyin (拼音) of Chinese text, for search and sorting.
///
/// Readings come from a table generated once from ICU's Han-Latin transform
/// (`PinyinTable`, parsed on first use) instead of the transform itself, which
/// costs ~85 µs per string: too slow for 100 000 customers at start-up. The
/// transform gives one reading per character; the characters that are read
/// differently as surnames or in common words (单 shàn, 曾 zēng, 长 cháng …)
/// get their other readings from `polyphones`, so `shan` and `dan` both find 单.
public enum Pinyin {
    /// Readings that ICU's default misses: surnames first (a surname reading
    /// differs for 单 曾 解 区 仇 朴 查 盖 乐 …), then frequent word readings.
    /// `v` spellings (lv) are added for ü syllables, as users type them.
    static let polyphones: [Unicode.Scalar: [String]] = [
        "单": ["shan", "chan"], "曾": ["zeng"], "解": ["xie"], "区": ["ou"], "仇": ["qiu"],
        "朴": ["piao"], "查": ["zha"], "盖": ["ge"], "乐": ["yue"], "长": ["chang"], "重": ["chong"],
        "尉": ["yu"], "覃": ["qin", "tan"], "翟": ["zhai", "di"], "缪": ["miao", "mou"], "召": ["shao"],
        "秘": ["bi"], "种": ["chong"], "句": ["gou"], "隗": ["wei", "kui"], "员": ["yun"], "繁": ["po"],
        "折": ["she"], "宿": ["su"], "能": ["nai"], "贲": ["ben"], "柏": ["bai", "bo"], "藏": ["zang"],
        "行": ["hang", "xing"], "厦": ["xia", "sha"], "会": ["kuai", "hui"], "角": ["jue", "jiao"],
        "都": ["du", "dou"], "传": ["zhuan", "chuan"], "调": ["diao", "tiao"], "朝": ["chao", "zhao"],
        "降": ["xiang", "jiang"], "薄": ["bo", "bao"], "石": ["dan", "shi"], "差": ["chai", "cha"],
        "大": ["dai", "da"], "便": ["pian", "bian"], "还": ["huan", "hai"], "和": ["huo", "he"],
        "率": ["lv", "shuai"], "参": ["shen", "can"], "省": ["xing", "sheng"], "沈": ["shen"],
        "吕": ["lv"], "女": ["nv"], "绿": ["lv"], "律": ["lv"], "旅": ["lv"], "铝": ["lv"], "虑": ["lv"],
        "略": ["lve"], "乾": ["qian", "gan"], "恶": ["wu", "e"], "着": ["zhuo", "zhe"],
        "期": ["qi", "ji"], "咖": ["ka", "ga"], "弹": ["tan", "dan"],
    ]

    /// Surname readings that must win at the start of a personal name (sorting and the primary key).
    static let surnames: [Unicode.Scalar: String] = [
        "单": "shan", "曾": "zeng", "解": "xie", "区": "ou", "仇": "qiu", "朴": "piao", "查": "zha",
        "盖": "ge", "乐": "yue", "长": "chang", "重": "chong", "尉": "yu", "覃": "qin", "翟": "zhai",
        "缪": "miao", "召": "shao", "秘": "bi", "种": "chong", "句": "gou", "隗": "wei", "员": "yun",
        "繁": "po", "折": "she", "宿": "su", "能": "nai", "贲": "ben", "柏": "bai", "沈": "shen",
    ]

    /// The main reading of an ideograph (toneless, lower case), or nil for anything else.
    public static func reading(_ s: Unicode.Scalar) -> String? { PinyinTable.shared.reading(s) }

    /// Every reading of an ideograph: the main one first, then the polyphone extras.
    public static func readings(_ s: Unicode.Scalar) -> [String] {
        guard let main = reading(s) else { return [] }
        guard let extra = polyphones[s] else { return [main] }
        var out = [main]
        for e in extra where !out.contains(e) { out.append(e) }
        return out
    }

    /// Toneless pinyin of a text, syllables joined without spaces
    /// (`张伟` → `zhangwei`); letters and digits are kept lower-cased; other
    /// characters are dropped. When `surname` is set, a leading surname
    /// character gets its surname reading (单 → shan).
    public static func full(_ text: String, surname: Bool = false) -> String {
        var out = ""
        var first = true
        for s in text.unicodeScalars {
            if surname && first, let r = surnames[s] { out += r }
            else if let r = reading(s) { out += r }
            else if let c = SearchText.foldASCII(s) { out.unicodeScalars.append(c) }
            first = false
        }
        return out
    }

    /// The spellings a text can be searched by: full pinyin and initials
    /// (`张伟` → `zhangwei`, `zw`), with one variant per combination of
    /// polyphone readings, at most `limit` of each (a company name full of
    /// polyphones must not blow up the index).
    public static func keys(_ text: String, limit: Int = 8) -> (full: [String], initials: [String]) {
        var full = [""], initials = [""]
        var sawHan = false
        for s in text.unicodeScalars {
            let rs = readings(s)
            if rs.isEmpty {
                if let c = SearchText.foldASCII(s) {
                    for i in full.indices { full[i].unicodeScalars.append(c) }
                    for i in initials.indices { initials[i].unicodeScalars.append(c) }
                }
                continue
            }
            sawHan = true
            if rs.count == 1 || full.count >= limit {
                for i in full.indices { full[i] += rs[0] }
            } else {
                full = Array(full.flatMap { f in rs.map { f + $0 } }.prefix(limit))
            }
            let heads = uniqueInitials(rs)
            if heads.count == 1 || initials.count >= limit {
                for i in initials.indices { initials[i].append(heads[0]) }
            } else {
                initials = Array(initials.flatMap { f in heads.map { f + String($0) } }.prefix(limit))
            }
        }
        return sawHan ? (full, initials) : ([], [])
    }

    private static func uniqueInitials(_ rs: [String]) -> [Character] {
        var out: [Character] = []
        for r in rs { if let c = r.first, !out.contains(c) { out.append(c) } }
        return out
    }
}

/// The parsed form of the generated table: a syllable number per scalar.
final class PinyinTable: Sendable {
    /// Parsed on first use (a `static let` is lazy and thread-safe), ~2 ms.
    static let shared = PinyinTable()

    let syllables: [String]
    let codes: [UInt16]

    private init() {
        syllables = [""] + PinyinTable.syllableText.split(separator: " ").map(String.init)
        var digit = [UInt8](repeating: 0, count: 128)
        for (i, c) in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+/".utf8.enumerated() { digit[Int(c)] = UInt8(i) }
        var out: [UInt16] = []
        out.reserveCapacity(Int(PinyinTable.last - PinyinTable.first + 1))
        var hi: UInt8? = nil
        for b in PinyinTable.codes.utf8 where b != 0x0A {
            if let h = hi { out.append(UInt16(digit[Int(h)]) * 64 + UInt16(digit[Int(b)])); hi = nil } else { hi = b }
        }
        codes = out
    }

    @inline(__always)
    func reading(_ s: Unicode.Scalar) -> String? {
        let v = s.value
        guard v >= PinyinTable.first, v <= PinyinTable.last else { return nil }
        let c = Int(codes[Int(v - PinyinTable.first)])
        return c == 0 ? nil : syllables[c]
    }
}
