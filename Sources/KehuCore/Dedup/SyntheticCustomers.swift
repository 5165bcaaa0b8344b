/// A generator of realistic customer lists with planted near-duplicates and the
/// truth about them, for measuring dedup (tests, the benchmark, the demo store).
///
/// Companies are Chinese (city + brand + trade + legal form: 深圳市华强电子有限公司)
/// or Latin (`Shenzhen Bright Ocean Trading Co., Ltd.`), with phones, emails,
/// addresses, postcodes and one or two contacts. Some companies are "siblings"
/// of another — same brand and trade in another city, everything else different
/// — the hard non-duplicates a CRM really has. A share of companies get a
/// duplicate (sometimes two) made with one to three of: a typo in the name,
/// another legal form, full-width characters, another phone format, a contact
/// name in the other order, a moved address (often with a new landline), new
/// phone numbers, the city left out of the name, a homophone (another character
/// with the same pinyin), a contact written in pinyin, a dropped email or
/// contact, a change of letter case. Deterministic for a seed.
public struct SyntheticCustomers: Sendable {
    public var inputs: [Deduplicator.Input] = []
    /// The planted duplicate pairs as `DedupDecision.key`s.
    public var truePairs: Set<String> = []

    public init(count: Int, duplicateRate: Double = 0.1, seed: UInt64 = 42) {
        var g = Gen(seed: seed)
        var bases: [Deduplicator.Input] = []
        var cores = Set<String>()
        let baseCount = Int(Double(count) / (1 + duplicateRate * 1.1))
        var nextContact = 1
        while bases.count < baseCount {
            let sibling = !bases.isEmpty && g.chance(0.05)
            let c = sibling ? g.sibling(of: bases[g.int(bases.count)].customer) : g.company()
            let core = DedupText.companyCore(c.name)
            guard cores.insert(core).inserted else { continue }
            var cu = c
            cu.id = "C\(bases.count + 1)"
            var contacts: [Contact] = []
            for _ in 0..<(g.chance(0.4) ? 2 : 1) {
                contacts.append(g.contact(id: "P\(nextContact)", customer: cu.id, latin: !DedupText.isHan(cu.name.unicodeScalars.first!)))
                nextContact += 1
            }
            bases.append(Deduplicator.Input(customer: cu, contacts: contacts))
        }
        var all = bases
        for b in bases where all.count < count && g.chance(duplicateRate) {
            var cluster = [b.customer.id]
            for _ in 0..<(g.chance(0.1) ? 2 : 1) where all.count < count {
                var d = g.duplicate(of: b)
                d.customer.id = "C\(all.count + 1)"
                d.contacts = d.contacts.map { var p = $0; p.id = "P\(nextContact)"; p.customerId = d.customer.id; nextContact += 1; return p }
                for other in cluster { truePairs.insert(DedupDecision.key(other, d.customer.id)) }
                cluster.append(d.customer.id)
                all.append(d)
            }
        }
        // Interleave so duplicates are not all at the end (as in a real import).
        inputs = all.sorted { g.hash($0.customer.id) < g.hash($1.customer.id) }
    }

    /// Precision and recall of found pairs against the planted ones.
    public func evaluate(_ pairs: [DedupPair]) -> (precision: Double, recall: Double, truePositives: Int) {
        let found = Set(pairs.map { DedupDecision.key($0.id1, $0.id2) })
        let tp = found.intersection(truePairs).count
        return (found.isEmpty ? 1 : Double(tp) / Double(found.count),
                truePairs.isEmpty ? 1 : Double(tp) / Double(truePairs.count), tp)
    }
}

/// The random choices behind `SyntheticCustomers`.
struct Gen {
    var rng: SplitMix64
    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func int(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
    mutating func chance(_ p: Double) -> Bool { Double(rng.next() >> 11) / Double(1 << 53) < p }
    mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
    mutating func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(int(10))) }) }
    func hash(_ s: String) -> UInt64 { var h: UInt64 = 1469598103934665603; for b in s.utf8 { h = (h ^ UInt64(b)) &* 1099511628211 }; return h }

    static let cities: [(zh: String, en: String, post: String, area: String, region: String)] = [
        ("北京", "Beijing", "100", "010", "华北"), ("上海", "Shanghai", "200", "021", "华东"), ("广州", "Guangzhou", "510", "020", "华南"),
        ("深圳", "Shenzhen", "518", "0755", "华南"), ("杭州", "Hangzhou", "310", "0571", "华东"), ("南京", "Nanjing", "210", "025", "华东"),
        ("成都", "Chengdu", "610", "028", "西南"), ("武汉", "Wuhan", "430", "027", "华中"), ("西安", "Xi'an", "710", "029", "西北"),
        ("重庆", "Chongqing", "400", "023", "西南"), ("天津", "Tianjin", "300", "022", "华北"), ("苏州", "Suzhou", "215", "0512", "华东"),
        ("东莞", "Dongguan", "523", "0769", "华南"), ("佛山", "Foshan", "528", "0757", "华南"), ("厦门", "Xiamen", "361", "0592", "华东"),
        ("青岛", "Qingdao", "266", "0532", "华东"), ("长沙", "Changsha", "410", "0731", "华中"), ("郑州", "Zhengzhou", "450", "0371", "华中"),
        ("沈阳", "Shenyang", "110", "024", "东北"), ("济南", "Jinan", "250", "0531", "华东"),
    ]
    static let brand = Array("华强中兴盛达鑫源恒通宏远天龙凯瑞金鼎博雅新锐腾飞永安嘉和信德福康明昌荣晨光海纳百川东方伟业巨星蓝云帆汇聚启航卓越智联创维正泰国邦宝丰隆顺景鸿泰安华")
    static let trades = ["电子", "科技", "贸易", "机械", "化工", "物流", "医疗器械", "软件", "建材", "食品", "服装", "家具", "印刷", "包装",
                         "环保", "新能源", "汽车配件", "五金", "光电", "生物", "网络", "实业", "文化传媒", "电气", "仪器"]
    static let hanForms = ["有限公司", "有限责任公司", "股份有限公司"]
    static let adjectives = ["Bright", "Golden", "Pacific", "Star", "Blue", "Silver", "Eastern", "Global", "Prime", "United", "Royal",
                             "Green", "Grand", "Smart", "Apex", "Noble", "Rapid", "Summit", "Vivid", "True"]
    static let nouns = ["Ocean", "River", "Dragon", "Harbor", "Peak", "Bridge", "Light", "Stone", "Field", "Wave", "Sun", "Maple",
                        "Crown", "Phoenix", "Lotus", "Falcon", "Pine", "Jade", "Cloud", "Horizon"]
    static let latinTrades = ["Trading", "Electronics", "Logistics", "Machinery", "Software", "Chemicals", "Textiles", "Foods",
                              "Materials", "Instruments", "Packaging", "Optics"]
    static let latinForms = ["Co., Ltd.", "Inc.", "LLC", "Ltd.", "Limited", "Corp.", "Co. Ltd"]
    static let surnames: [(String, String)] = [("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
        ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"),
        ("郭", "Guo"), ("何", "He"), ("林", "Lin"), ("高", "Gao"), ("罗", "Luo"), ("郑", "Zheng"), ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song")]
    static let given: [(String, String)] = [("伟", "Wei"), ("芳", "Fang"), ("娜", "Na"), ("敏", "Min"), ("静", "Jing"), ("丽", "Li"),
        ("强", "Qiang"), ("磊", "Lei"), ("军", "Jun"), ("洋", "Yang"), ("勇", "Yong"), ("艳", "Yan"), ("杰", "Jie"), ("涛", "Tao"),
        ("明", "Ming"), ("超", "Chao"), ("秀", "Xiu"), ("霞", "Xia"), ("平", "Ping"), ("刚", "Gang"), ("桂", "Gui"), ("英", "Ying"),
        ("华", "Hua"), ("建", "Jian"), ("国", "Guo"), ("文", "Wen"), ("辉", "Hui"), ("玲", "Ling"), ("鹏", "Peng"), ("志", "Zhi"),
        ("海", "Hai"), ("晓", "Xiao"), ("东", "Dong"), ("雪", "Xue"), ("婷", "Ting"), ("宇", "Yu")]
    static let districts = ["朝阳区", "海淀区", "浦东新区", "徐汇区", "天河区", "南山区", "福田区", "西湖区", "鼓楼区", "武侯区", "江汉区",
                            "雁塔区", "渝中区", "和平区", "工业园区", "南城区", "禅城区", "思明区", "市南区", "岳麓区"]
    static let roads = ["人民", "解放", "建设", "中山", "和平", "科技", "滨海", "新华", "长江", "黄河", "文化", "工业", "创业", "世纪",
                        "迎宾", "学府", "东风", "胜利", "团结", "光明", "振兴", "青年", "金融", "花园"]
    static let roadKinds = ["路", "大道", "街", "北路", "南路", "东路"]
    /// Characters of the brand pool grouped by reading, for homophone typos.
    static let homophones: [String: [Unicode.Scalar]] = {
        var out: [String: [Unicode.Scalar]] = [:]
        for ch in "华化花画强墙抢中忠钟盛胜圣达大答鑫新心欣源元原园恒横通同统宏红鸿洪远院愿天田添龙隆瑞锐金今晋鼎定丁博波伯雅亚业永勇安德得福富康明名鸣昌长荣容晨辰光广海纳百川东冬方芳伟为维巨聚星兴蓝兰云运帆凡汇会启起航行卓越跃智志联创维正政泰太国邦宝保丰风顺景京" {
            guard let u = ch.unicodeScalars.first, let r = Pinyin.reading(u) else { continue }
            out[r, default: []].append(u)
        }
        return out
    }()
    static let freeMail = ["163.com", "qq.com", "126.com", "sina.com", "foxmail.com"]

    mutating func company() -> Customer {
        let city = pick(Gen.cities)
        var c = Customer(id: "", name: "")
        if chance(0.2) {
            c.name = "\(city.en) \(pick(Gen.adjectives)) \(pick(Gen.nouns)) \(pick(Gen.latinTrades)) \(pick(Gen.latinForms))"
        } else {
            var b = pick(Gen.brand), b2 = pick(Gen.brand)
            while b2 == b { b2 = pick(Gen.brand) }
            if chance(0.3) { b = pick(Gen.brand) }
            c.name = city.zh + (chance(0.5) ? "市" : "") + String(b) + String(b2) + pick(Gen.trades) + pick(Gen.hanForms)
        }
        fill(&c, city: city)
        return c
    }

    mutating func fill(_ c: inout Customer, city: (zh: String, en: String, post: String, area: String, region: String)) {
        c.region = city.region
        c.phone = chance(0.6) ? city.area + "-" + digits(8) : mobile()
        if chance(0.75) {
            let local = String((0..<(5 + int(5))).map { _ in Character(UnicodeScalar(UInt8(97 + int(26)))) }) + (chance(0.5) ? digits(3) : "")
            c.email = local + "@" + (chance(0.5) ? pick(Gen.freeMail) : String((0..<(4 + int(4))).map { _ in Character(UnicodeScalar(UInt8(97 + int(26)))) }) + ".com.cn")
        }
        address(&c, city: city)
    }

    mutating func address(_ c: inout Customer, city: (zh: String, en: String, post: String, area: String, region: String)) {
        c.address = city.zh + "市" + pick(Gen.districts) + pick(Gen.roads) + pick(Gen.roadKinds) + String(1 + int(999)) + "号"
            + (chance(0.5) ? "\(pick(["A", "B", "C", "D"]))座\(1 + int(30))\(String(format2(1 + int(20))))室" : "")
        c.postcode = city.post + digits(3)
    }

    func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    mutating func mobile() -> String { "1" + String(pick([3, 5, 7, 8, 9])) + digits(9) }

    mutating func sibling(of base: Customer) -> Customer {
        var c = Customer(id: "", name: "")
        let city = pick(Gen.cities)
        let latin = !DedupText.isHan(base.name.unicodeScalars.first!)
        if latin {
            var words = base.name.split(separator: " ").map(String.init)
            words[0] = city.en
            c.name = words.joined(separator: " ")
        } else {
            var core = DedupText.companyCore(base.name)
            for old in Gen.cities where core.hasPrefix(old.zh) { core.removeFirst(old.zh.count); if core.hasPrefix("市") { core.removeFirst() } }
            c.name = city.zh + core + pick(Gen.hanForms)
        }
        fill(&c, city: city)
        return c
    }

    mutating func contact(id: String, customer: String, latin: Bool) -> Contact {
        let s = pick(Gen.surnames)
        var gv = [pick(Gen.given)]
        if chance(0.5) { gv.append(pick(Gen.given)) }
        var p = Contact(id: id, customerId: customer)
        p.name = latin ? gv.map(\.1).joined().capitalized + " " + s.1 : s.0 + gv.map(\.0).joined()
        p.mobile = mobile()
        if chance(0.3) { p.email = gv.map(\.1).joined().lowercased() + "." + s.1.lowercased() + digits(4) + "@" + pick(Gen.freeMail) }
        return p
    }

    enum Perturbation: CaseIterable { case typo, legalForm, fullWidth, phoneFormat, swapName, moved, drop, letterCase, newNumbers, cityDropped, homophone, pinyinContact }

    mutating func duplicate(of base: Deduplicator.Input) -> Deduplicator.Input {
        var d = base
        var kinds = Perturbation.allCases
        let n = 1 + int(3)
        var chosen: [Perturbation] = [.phoneFormat]  // a re-keyed record rarely keeps the exact format
        for _ in 0..<n { let k = kinds.remove(at: int(kinds.count)); if k != .phoneFormat { chosen.append(k) } }
        for k in chosen { apply(k, &d) }
        return d
    }

    mutating func apply(_ k: Perturbation, _ d: inout Deduplicator.Input) {
        guard let first = d.customer.name.unicodeScalars.first else { return }
        let latin = !DedupText.isHan(first)
        switch k {
        case .typo:
            var chars = Array(d.customer.name)
            let form = (latin ? Gen.latinForms : Gen.hanForms).first { d.customer.name.hasSuffix($0) }?.count ?? 0
            let limit = max(3, chars.count - form)
            let i = 2 + int(max(1, limit - 2))
            guard i < chars.count else { return }
            switch int(3) {
            case 0: chars[i] = latin ? Character(UnicodeScalar(UInt8(97 + int(26)))) : pick(Gen.brand)
            case 1: if chars.count > 6 { chars.remove(at: i) }
            default: if i + 1 < chars.count { chars.swapAt(i, i + 1) }
            }
            d.customer.name = String(chars)
        case .legalForm:
            let forms = latin ? Gen.latinForms : Gen.hanForms
            if let f = forms.first(where: { d.customer.name.hasSuffix($0) }) {
                d.customer.name = String(d.customer.name.dropLast(f.count)) + pick(forms.filter { $0 != f })
            }
        case .fullWidth:
            d.customer.name = fullWidth(d.customer.name)
            d.customer.phone = d.customer.phone.map(fullWidth)
            d.customer.email = d.customer.email.map(fullWidth)
        case .phoneFormat:
            if let p = d.customer.phone { d.customer.phone = reformat(p) }
            for k in d.contacts.indices { if let m = d.contacts[k].mobile { d.contacts[k].mobile = reformat(m) } }
        case .swapName:
            d.contacts = d.contacts.map { var p = $0; let t = p.name.split(separator: " "); p.name = t.count == 2 ? "\(t[1]) \(t[0])" : p.name; return p }
        case .moved:
            let city = Gen.cities.first { d.customer.address?.hasPrefix($0.zh) ?? false } ?? pick(Gen.cities)
            address(&d.customer, city: city)
            if chance(0.5), d.customer.phone?.hasPrefix("0") ?? false { d.customer.phone = city.area + "-" + digits(8) }
        case .drop:
            if d.contacts.count > 1 { d.contacts.removeLast() } else { d.customer.email = nil }
        case .newNumbers:
            // A new switchboard and new mobiles: only the name, contacts, email and address are left.
            if d.customer.phone?.hasPrefix("1") ?? true { d.customer.phone = mobile() } else if let p = d.customer.phone, let dash = p.firstIndex(of: "-") { d.customer.phone = p[..<dash] + "-" + digits(8) }
            for k in d.contacts.indices { d.contacts[k].mobile = mobile() }
        case .cityDropped:
            // 深圳市华强电子有限公司 → 华强电子有限公司; Shenzhen Bright Ocean … → Bright Ocean …
            let words = d.customer.name.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" })
            if latin { if words.count > 2 { d.customer.name = words.dropFirst().joined(separator: " ") } }
            else if let city = Gen.cities.first(where: { d.customer.name.hasPrefix($0.zh) }) {
                var rest = d.customer.name.dropFirst(city.zh.count)
                if rest.hasPrefix("市") { rest = rest.dropFirst() }
                d.customer.name = chance(0.5) ? String(rest) : rest.replacingOccurrences(of: "有限", with: "（\(city.zh)）有限")
            }
        case .homophone:
            // A pinyin input method picked another character with the same sound.
            var scalars = Array(d.customer.name.unicodeScalars)
            for k in scalars.indices.shuffled(using: &rng) where DedupText.isHan(scalars[k]) {
                guard let r = Pinyin.reading(scalars[k]), let alt = Gen.homophones[r]?.first(where: { $0 != scalars[k] }) else { continue }
                scalars[k] = alt
                d.customer.name = String(String.UnicodeScalarView(scalars))
                break
            }
        case .pinyinContact:
            // 王伟 typed as Wang Wei or Wei Wang.
            for k in d.contacts.indices where d.contacts[k].name.unicodeScalars.allSatisfy(DedupText.isHan) {
                let keys = DedupText.personKeys(d.contacts[k].name)
                guard !keys.isEmpty, let first = d.contacts[k].name.unicodeScalars.first else { continue }
                let surname = Pinyin.full(String(first), surname: true).capitalized
                let given = String(keys[0].dropFirst(surname.count)).capitalized
                d.contacts[k].name = chance(0.5) ? "\(surname) \(given)" : "\(given) \(surname)"
            }
        case .letterCase:
            d.customer.name = latin ? d.customer.name.uppercased() : d.customer.name
            d.customer.email = d.customer.email?.uppercased()
        }
    }

    func fullWidth(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { u in
            (0x21...0x7E).contains(u.value) ? UnicodeScalar(u.value + 0xFEE0)! : (u.value == 0x20 ? "\u{3000}" : u)
        }))
    }

    mutating func reformat(_ phone: String) -> String {
        let d = Normalize.phoneDigits(phone)
        if d.count == 11, d.hasPrefix("1") {
            let a = d.prefix(3), b = d.dropFirst(3).prefix(4), c = d.suffix(4)
            return pick(["\(a)-\(b)-\(c)", "+86 \(a) \(b) \(c)", "(+86)\(d)", "\(a) \(b) \(c)", "0086-\(d)"])
        }
        guard let dash = phone.firstIndex(of: "-") else { return phone }
        let area = phone[..<dash], num = phone[phone.index(after: dash)...]
        return pick(["(\(area)) \(num)", "\(area) \(num)", "+86 \(area.dropFirst()) \(num)", "\(area)\(num)"])
    }
}
