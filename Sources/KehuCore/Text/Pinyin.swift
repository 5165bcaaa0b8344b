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

    /// Two-character words read other than character by character: place names
    /// and business words that company names are full of (重庆 is chóngqìng, 成都
    /// chéngdū, 银行 yínháng), so that names sort, and dedup's phonetic keys
    /// compare, as people say them. Keyed by the two scalars; each side's reading.
    static let words: [UInt64: (first: String, second: String)] = {
        let list: [(String, String, String)] = [
            ("重庆", "chong", "qing"), ("长沙", "chang", "sha"), ("长春", "chang", "chun"), ("长城", "chang", "cheng"),
            ("长江", "chang", "jiang"), ("长安", "chang", "an"), ("长治", "chang", "zhi"), ("长虹", "chang", "hong"),
            ("长兴", "chang", "xing"), ("长丰", "chang", "feng"), ("长乐", "chang", "le"), ("长期", "chang", "qi"),
            ("厦门", "xia", "men"), ("成都", "cheng", "du"), ("首都", "shou", "du"), ("都市", "du", "shi"),
            ("银行", "yin", "hang"), ("行业", "hang", "ye"), ("商行", "shang", "hang"), ("车行", "che", "hang"),
            ("琴行", "qin", "hang"), ("分行", "fen", "hang"), ("支行", "zhi", "hang"), ("总行", "zong", "hang"),
            ("音乐", "yin", "yue"), ("乐器", "yue", "qi"), ("乐山", "le", "shan"), ("朝阳", "chao", "yang"),
            ("会计", "kuai", "ji"), ("西藏", "xi", "zang"), ("宝藏", "bao", "zang"), ("蚌埠", "beng", "bu"),
            ("六安", "lu", "an"), ("番禺", "pan", "yu"), ("调查", "diao", "cha"), ("重阳", "chong", "yang"),
        ]
        var out: [UInt64: (first: String, second: String)] = [:]
        for (w, a, b) in list {
            let u = Array(w.unicodeScalars)
            out[UInt64(u[0].value) << 32 | UInt64(u[1].value)] = (a, b)
        }
        return out
    }()

    /// The reading of `s` given its neighbours, when a word in `words` decides it.
    @inline(__always)
    static func wordReading(_ prev: Unicode.Scalar?, _ s: Unicode.Scalar, _ next: Unicode.Scalar?) -> String? {
        if let n = next, let w = words[UInt64(s.value) << 32 | UInt64(n.value)] { return w.first }
        if let p = prev, let w = words[UInt64(p.value) << 32 | UInt64(s.value)] { return w.second }
        return nil
    }

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
        var out: [UInt8] = []
        full(text, surname: surname, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `full` appending bytes (no intermediate strings: this runs for every customer at start-up).
    public static func full(_ text: String, surname: Bool = false, into out: inout [UInt8]) {
        let table = PinyinTable.shared
        let scalars = text.unicodeScalars
        var prev: Unicode.Scalar?
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let s = scalars[i]
            let n = scalars.index(after: i)
            defer { prev = s; i = n }
            let code = table.code(s)
            if code != 0 {
                if surname && prev == nil && table.isSpecial(s), let r = surnames[s] { out += Array(r.utf8) }
                else if table.isSpecial(s), let r = wordReading(prev, s, n < scalars.endIndex ? scalars[n] : nil) { out += Array(r.utf8) }
                else { out += table.syllableBytes[code] }
            } else if let c = SearchText.foldASCII(s) {
                out.append(UInt8(c.value))
            }
        }
    }

    /// The spellings a text can be searched by: full pinyin and initials
    /// (`张伟` → `zhangwei`, `zw`), with one variant per combination of
    /// polyphone readings, at most `limit` of each (a company name full of
    /// polyphones must not blow up the index).
    public static func keys(_ text: String, limit: Int = 8) -> (full: [String], initials: [String]) {
        let k = keyBytes(text, limit: limit)
        return (k.full.map { String(decoding: $0, as: UTF8.self) }, k.initials.map { String(decoding: $0, as: UTF8.self) })
    }

    /// `keys` as bytes. Characters without a second reading (nearly all) take
    /// a fast path: one table lookup, appended to every variant.
    public static func keyBytes(_ text: String, limit: Int = 8) -> (full: [[UInt8]], initials: [[UInt8]]) {
        let table = PinyinTable.shared
        var full: [[UInt8]] = [[]], initials: [[UInt8]] = [[]]
        var sawHan = false
        for s in text.unicodeScalars {
            let code = table.code(s)
            if code == 0 {
                if let c = SearchText.foldASCII(s) {
                    let b = UInt8(c.value)
                    for i in full.indices { full[i].append(b) }
                    for i in initials.indices { initials[i].append(b) }
                }
                continue
            }
            sawHan = true
            let syllable = table.syllableBytes[code]
            guard table.isSpecial(s), let extra = polyphones[s] else {
                for i in full.indices { full[i] += syllable }
                for i in initials.indices { initials[i].append(syllable[0]) }
                continue
            }
            var rs = [syllable]
            for e in extra where !rs.contains(Array(e.utf8)) { rs.append(Array(e.utf8)) }
            if full.count >= limit { for i in full.indices { full[i] += rs[0] } }
            else { full = Array(full.flatMap { f in rs.map { f + $0 } }.prefix(limit)) }
            var heads: [UInt8] = []
            for r in rs where !heads.contains(r[0]) { heads.append(r[0]) }
            if heads.count == 1 || initials.count >= limit { for i in initials.indices { initials[i].append(heads[0]) } }
            else { initials = Array(initials.flatMap { f in heads.map { f + [$0] } }.prefix(limit)) }
        }
        return sawHan ? (full, initials) : ([], [])
    }

}

/// The parsed form of the generated table: a syllable number per scalar.
final class PinyinTable: Sendable {
    /// Parsed on first use (a `static let` is lazy and thread-safe), ~2 ms.
    static let shared = PinyinTable()

    let syllables: [String]
    let syllableBytes: [[UInt8]]
    let codes: [UInt16]
    /// 1 for scalars with a polyphone or surname entry, so the common case skips the dictionary lookups.
    let special: [UInt8]

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
        syllableBytes = syllables.map { Array($0.utf8) }
        var sp = [UInt8](repeating: 0, count: out.count)
        for k in Array(Pinyin.polyphones.keys) + Array(Pinyin.surnames.keys) where k.value >= PinyinTable.first && k.value <= PinyinTable.last {
            sp[Int(k.value - PinyinTable.first)] = 1
        }
        // Only the side of a word whose reading differs from its main one (重 of 重庆, not 庆;
        // 都 of 成都, not 成) is looked up: 市 or 分 in every company name stay on the fast path.
        for (key, w) in Pinyin.words {
            for (v, reading) in [(UInt32(key >> 32), w.first), (UInt32(truncatingIfNeeded: key), w.second)]
            where v >= PinyinTable.first && v <= PinyinTable.last && syllables[Int(out[Int(v - PinyinTable.first)])] != reading {
                sp[Int(v - PinyinTable.first)] = 1
            }
        }
        special = sp
    }

    /// The syllable number of a scalar, 0 when it has no reading.
    @inline(__always)
    func code(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        guard v >= PinyinTable.first, v <= PinyinTable.last else { return 0 }
        return Int(codes[Int(v - PinyinTable.first)])
    }

    @inline(__always)
    func isSpecial(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v >= PinyinTable.first && v <= PinyinTable.last && special[Int(v - PinyinTable.first)] != 0
    }

    @inline(__always)
    func reading(_ s: Unicode.Scalar) -> String? {
        let v = s.value
        guard v >= PinyinTable.first, v <= PinyinTable.last else { return nil }
        let c = Int(codes[Int(v - PinyinTable.first)])
        return c == 0 ? nil : syllables[c]
    }
}
