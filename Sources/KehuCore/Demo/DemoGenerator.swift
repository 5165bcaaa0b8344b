import Foundation

/// Generates a realistic, deterministic book of business: Chinese and English
/// companies, every dictionary field used, contacts, three years of
/// transactions and interactions, several owners, planted near-duplicates.
///
/// The same (seed, size, today) always gives the same changes, so the demo,
/// the tests and the benchmark agree. Dates are relative to `today` so that a
/// demo made today has customers due and overdue today.
public struct DemoGenerator: Sendable {
    public var seed: UInt64
    public var customers: Int
    public var today: LocalDate
    public var owners: [String]
    /// Mean transactions and interactions per customer (the benchmark uses 10 and 5).
    public var transactionsPerCustomer = 10
    public var interactionsPerCustomer = 5
    /// Share of customers that get a planted near-duplicate.
    public var duplicateRate = 0.03

    public init(seed: UInt64 = 1, customers: Int = 2000, today: LocalDate, owners: [String] = ["alice", "bob", "chenjing", "wangfang"]) {
        self.seed = seed; self.customers = customers; self.today = today; self.owners = owners
    }

    /// Ids of planted duplicate pairs (original, copy) — the truth for dedup tests.
    public private(set) var plantedDuplicates: [(String, String)] = []

    /// All changes in batches of about `chunk` customers with their children;
    /// ids are assigned here (C1…, P1…, T1…, I1…) for an empty store.
    public mutating func batches(chunk: Int = 5000) -> [[Change]] {
        var rng = SeededRandom(seed: seed)
        var out: [[Change]] = []
        var current: [Change] = []
        var n = (c: 0, p: 0, t: 0, i: 0)
        var made = 0
        plantedDuplicates = []
        var seen = Seen()
        while made < customers {
            var profile = makeProfile(&rng, &seen)
            n.c += 1
            profile.fields["externalId"] = .string("KH\(100_000 + n.c)")
            let cid = "C\(n.c)"
            made += 1
            current.append(.create(.customer, id: cid, profile.fields, event: "demo"))
            for _ in 0..<rng.int(1...3) {
                n.p += 1
                current.append(.create(.contact, id: "P\(n.p)", contactFields(cid, &rng), event: "demo"))
            }
            let created = LocalDate(profile.fields["createdAt"]?.stringValue?.prefix(10) ?? "") ?? today
            let txCount = poisson(Double(transactionsPerCustomer), &rng, cap: transactionsPerCustomer * 5)
            let active = rng.chance(0.8)
            let span = max(1, created.days(until: today))
            for _ in 0..<txCount {
                n.t += 1
                let back = active ? rng.int(0...span) : rng.int(min(span, 200)...span)
                let date = today.adding(days: -back)
                let yuan = rng.chance(0.1) ? rng.int(50_000...500_000) : rng.int(500...30_000)
                let amount = Money(minor: Int64(yuan) * 100 + Int64(rng.int(0...1) * 50))
                var f: [String: Value] = ["customer": .string(cid), "date": .string(date.description),
                                          "amount": .string(amount.plain), "product": .string(rng.pick(DemoNames.products))]
                f["quantity"] = .string(String(rng.int(1...20)))
                current.append(.create(.transaction, id: "T\(n.t)", f, event: "demo"))
            }
            let ixCount = poisson(Double(interactionsPerCustomer), &rng, cap: interactionsPerCustomer * 5)
            for _ in 0..<ixCount {
                n.i += 1
                let back = rng.int(0...min(span, 400))
                let date = today.adding(days: -back)
                let at = Timestamp(millis: Int64(date.days) * 86_400_000 + Int64(rng.int(1...10)) * 3_600_000 + Int64(rng.int(0...59)) * 60_000)
                let roll = rng.int(0...19)
                let kind: Interaction.Kind = roll == 0 ? .complaint : (roll == 1 ? .feedback : .contact)
                let note = kind == .complaint ? rng.pick(DemoNames.complaintNotes) : (kind == .feedback ? rng.pick(DemoNames.feedbackNotes) : rng.pick(DemoNames.contactNotes))
                current.append(.create(.interaction, id: "I\(n.i)", [
                    "customer": .string(cid), "at": .string(at.description), "kind": .string(kind.rawValue),
                    "channel": .string(rng.pick(["电话", "微信", "邮件", "上门拜访", "会议"])), "note": .string(note),
                    "by": profile.fields["owner"] ?? .string(owners[0]),
                ], event: "demo"))
            }
            if made < customers, rng.chance(duplicateRate) {
                n.c += 1
                made += 1
                let dup = "C\(n.c)"
                current.append(.create(.customer, id: dup, nearDuplicate(profile.fields, &rng), event: "demo"))
                plantedDuplicates.append((cid, dup))
            }
            if made % chunk == 0 || made >= customers { out.append(current); current = [] }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    struct Profile { var fields: [String: Value] }

    /// Names and web domains handed out so far. A real book holds one record per
    /// company: a name drawn twice becomes a branch office, a domain drawn twice
    /// gets a suffix, so that only the planted copies look like duplicates (without
    /// this, 100k customers shared 12,905 names and dedup rightly paired thousands).
    struct Seen {
        var names: [String: Int] = [:]
        var domains: [String: Int] = [:]

        mutating func name(_ n: String, chinese: Bool) -> String {
            let k = names[n, default: 0]
            names[n] = k + 1
            return k == 0 ? n : (chinese ? "\(n)第\(k + 1)分公司" : "\(n) (Branch \(k + 1))")
        }

        mutating func domain(_ d: String) -> String {
            let k = domains[d, default: 0]
            domains[d] = k + 1
            return k == 0 ? d : "\(d)-\(k + 1)"
        }
    }

    private func makeProfile(_ rng: inout SeededRandom, _ seen: inout Seen) -> Profile {
        let city = rng.pick(DemoNames.cities)
        let chinese = rng.chance(0.8)
        var f: [String: Value] = [:]
        let trade = rng.pick(DemoNames.trades)
        if chinese {
            let brand = rng.pick(DemoNames.brands)
            if rng.chance(0.5) {
                f["name"] = .string(seen.name("\(city.0)市\(brand.0)\(trade.0)\(rng.pick(DemoNames.suffixes))", chinese: true))
            } else {
                f["name"] = .string(seen.name("\(brand.0)\(trade.0)", chinese: true))
            }
            f["website"] = .string("www.\(seen.domain("\(brand.1)\(rng.int(1...99))")).com.cn")
            let mailbox = rng.pick(["info", "sales", "service", "contact"])
            f["email"] = .string("\(mailbox)@\(seen.domain("\(brand.1)\(rng.int(1...99))")).com.cn")
        } else {
            let first = rng.pick(DemoNames.englishFirst)
            f["name"] = .string(seen.name("\(first) \(trade.1) \(rng.pick(DemoNames.englishSuffixes))", chinese: false))
            let domain = seen.domain(first.lowercased().replacingOccurrences(of: " ", with: "") + String(rng.int(1...99)))
            f["website"] = .string("https://www.\(domain).com")
            f["email"] = .string("sales@\(domain).com")
        }
        f["region"] = .string(city.2)
        f["industry"] = .string(trade.2)
        f["nature"] = .string(rng.pick(["国有企业", "中外合资", "私营或个体户", "合伙企业", "外商独资", "私营或个体户"]))
        f["source"] = .string(rng.pick(["网站广告", "展览会", "客户推荐", "电话", "邮件", "报刊广告", "黄页", "朋友介绍"]))
        f["category"] = .string(rng.pick(["潜在终端客户", "潜在代理", "现有终端客户", "现有代理", "现有终端客户", "现有终端客户", "流失终端客户", "流失代理"]))
        f["credit"] = .int(Int64(rng.int(1...5)))
        f["contactStrategy"] = .string(rng.pick(["每周联系", "每两周联系", "每月联系", "每月联系", "每季度联系", "每半年联系"]))
        f["purchaseStrategy"] = .string(rng.pick(["每月采购", "每季度采购", "每季度采购", "每半年采购", "每年采购"]))
        f["employees"] = .int(Int64(rng.pick([8, 25, 60, 120, 300, 800, 2500])))
        f["scale"] = .string(rng.pick(["100万以下", "100万-500万", "500万-1000万", "1000万-5000万", "5000万以上"]))
        f["yearsInBusiness"] = .string(rng.pick(["1年以下", "1-3年", "3-5年", "5-10年", "10年以上"]))
        f["standing"] = .string(rng.pick(["领导者", "较有影响", "影响一般", "没有影响力"]))
        f["settlement"] = .string(rng.pick(["现款现货", "一个月回款", "票到付款", "2个月回款", "3个月回款"]))
        f["wantsAgency"] = .bool(rng.chance(0.2))
        let area = ["020", "0755", "021", "0571", "025", "027", "0731", "010", "022", "028", "023", "029", "0931", "024", "0451"]
        f["phone"] = .string(rng.chance(0.5) ? "\(rng.pick(area))-\(rng.int(2000_0000...8999_9999))" : "1\(rng.pick(["38", "39", "58", "86", "35", "77"]))\(rng.int(1000_0000...9999_9999))")
        if rng.chance(0.4) { f["fax"] = .string("\(rng.pick(area))-\(rng.int(2000_0000...8999_9999))") }
        f["address"] = .string(chinese || rng.chance(0.5) ? "\(city.0)市\(rng.pick(DemoNames.roads))\(rng.int(1...999))号" : "\(rng.int(1...999)) Harbour Road, \(city.1.capitalized)")
        f["postcode"] = .string("\(city.3)\(rng.int(100...999))")
        f["owner"] = rng.chance(0.06) ? .null : .string(rng.pick(owners))
        if !f["owner"]!.isNull { f["ownerSince"] = .string(today.adding(days: -rng.int(10...500)).description) }
        else { f.removeValue(forKey: "owner") }
        f["tags"] = .array(Array(Set((0..<rng.int(0...2)).map { _ in Value.string(rng.pick(["重点", "VIP", "老客户", "新客户", "政府采购", "export"])) })).sorted { ($0.stringValue ?? "") < ($1.stringValue ?? "") })
        if rng.chance(0.3) { f["notes"] = .string(rng.pick(["年底有预算，重点跟进。", "Prefers email over phone.", "关键人：采购经理。\n决策周期约两个月。"])) }
        let createdBack = rng.int(30...1100)
        f["createdAt"] = .string(Timestamp(millis: Int64(today.adding(days: -createdBack).days) * 86_400_000 + 3_600_000).description)
        if rng.chance(0.05) { f["locked"] = .bool(true) }
        return Profile(fields: f)
    }

    private func contactFields(_ cid: String, _ rng: inout SeededRandom) -> [String: Value] {
        var f: [String: Value] = ["customer": .string(cid)]
        if rng.chance(0.85) {
            let s = rng.pick(DemoNames.surnames), g = rng.pick(DemoNames.givenNames)
            f["name"] = .string(s.0 + g.0)
            f["email"] = .string("\(s.1).\(g.1)\(rng.int(1...99))@example.com.cn")
            f["wechat"] = .string("\(s.1)\(g.1)\(rng.int(100...999))")
        } else {
            let n = rng.pick(DemoNames.englishPeople)
            f["name"] = .string(n)
            f["email"] = .string(n.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.com")
        }
        f["title"] = .string(rng.pick(DemoNames.titles))
        f["mobile"] = .string("1\(rng.pick(["38", "39", "58", "86", "35", "77"]))\(rng.int(1000_0000...9999_9999))")
        return f
    }

    /// A copy of a customer as a second salesperson or an old spreadsheet would
    /// have typed it: another phone format, a suffix variant, full-width letters, a typo.
    private func nearDuplicate(_ original: [String: Value], _ rng: inout SeededRandom) -> [String: Value] {
        var f = original
        f["externalId"] = nil
        var name = original["name"]?.stringValue ?? ""
        switch rng.int(0...3) {
        case 0:
            for (a, b) in [("有限责任公司", "有限公司"), ("股份有限公司", "有限公司"), ("有限公司", ""), ("Co., Ltd.", "Co Ltd"), ("Inc.", "Inc")] where name.hasSuffix(a) {
                name = String(name.dropLast(a.count)) + b; break
            }
        case 1:
            name = String(name.map { c -> Character in
                guard let a = c.asciiValue, a >= 0x21, a <= 0x7E else { return c }
                return Character(UnicodeScalar(UInt32(a) + 0xFEE0)!)
            })
        case 2:
            if name.count > 4 { var chars = Array(name); chars.remove(at: rng.int(1...(chars.count - 2))); name = String(chars) }
        default:
            name = name.uppercased()
        }
        f["name"] = .string(name)
        if let p = original["phone"]?.stringValue {
            let digits = p.filter(\.isNumber)
            f["phone"] = .string(digits.count == 11 ? "+86 \(digits.prefix(3)) \(digits.dropFirst(3).prefix(4)) \(digits.suffix(4))" : digits)
        }
        if rng.chance(0.5) { f["address"] = .null }
        f["owner"] = original["owner"]
        return f.filter { !$0.value.isNull }
    }

    private func poisson(_ mean: Double, _ rng: inout SeededRandom, cap: Int) -> Int {
        // Knuth's method is fine for the small means used here.
        let l = Foundation.exp(-mean)
        var k = 0
        var p = 1.0
        repeat { k += 1; p *= Double.random(in: 0..<1, using: &rng) } while p > l && k < cap + 1
        return min(k - 1, cap)
    }
}
