/// The dictionary a new store starts with: the examples `004_*.txt` gives for
/// each list, plus the lists it names without examples (scale, years in
/// business, channel, strategies), filled in as a Chinese SME CRM ships them.
public enum DictionarySeed {
    public static var entries: [DictionaryEntry] {
        var out: [DictionaryEntry] = []
        func add(_ kind: DictionaryKind, _ items: [(String, String)]) {
            out += items.map { DictionaryEntry(kind: kind, code: $0.0, label: Label(zh: $0.0, en: $0.1)) }
        }
        func addCycle(_ kind: DictionaryKind, _ items: [(String, String, Int)]) {
            out += items.map { DictionaryEntry(kind: kind, code: $0.0, label: Label(zh: $0.0, en: $0.1), cycleDays: $0.2) }
        }
        add(.region, [("华南", "South China"), ("华东", "East China"), ("华中", "Central China"), ("华北", "North China"),
                      ("西南", "Southwest"), ("西北", "Northwest"), ("东北", "Northeast")])
        add(.nature, [("国有企业", "State-owned"), ("中外合资", "Sino-foreign JV"), ("私营或个体户", "Private / sole trader"),
                      ("合伙企业", "Partnership"), ("外商独资", "Wholly foreign-owned")])
        add(.source, [("网站广告", "Web ad"), ("展览会", "Trade show"), ("客户推荐", "Customer referral"), ("电话", "Phone"),
                      ("邮件", "Mail"), ("报刊广告", "Print ad"), ("黄页", "Yellow pages"), ("朋友介绍", "Friend referral")])
        add(.category, [("潜在终端客户", "Prospective end customer"), ("潜在代理", "Prospective agent"),
                        ("现有终端客户", "Current end customer"), ("现有代理", "Current agent"),
                        ("流失终端客户", "Lost end customer"), ("流失代理", "Lost agent")])
        add(.industry, [("教育", "Education"), ("医疗卫生", "Healthcare"), ("政府", "Government"), ("化工", "Chemicals"),
                        ("制造业", "Manufacturing"), ("金融", "Finance"), ("零售", "Retail"), ("信息技术", "IT"),
                        ("物流", "Logistics"), ("房地产", "Real estate")])
        add(.scale, [("100万以下", "Under ¥1M"), ("100万-500万", "¥1M–5M"), ("500万-1000万", "¥5M–10M"),
                     ("1000万-5000万", "¥10M–50M"), ("5000万以上", "Over ¥50M")])
        add(.yearsInBusiness, [("1年以下", "Under 1 year"), ("1-3年", "1–3 years"), ("3-5年", "3–5 years"),
                               ("5-10年", "5–10 years"), ("10年以上", "Over 10 years")])
        add(.standing, [("领导者", "Leader"), ("较有影响", "Influential"), ("影响一般", "Average"), ("没有影响力", "No influence")])
        add(.settlement, [("现款现货", "Cash on delivery"), ("一个月回款", "Net 30"), ("票到付款", "Pay on invoice"),
                          ("2个月回款", "Net 60"), ("3个月回款", "Net 90")])
        add(.channel, [("电话", "Phone"), ("微信", "WeChat"), ("邮件", "Email"), ("上门拜访", "Visit"),
                       ("会议", "Meeting"), ("短信", "SMS"), ("其他", "Other")])
        addCycle(.contactStrategy, [("每周联系", "Weekly", 7), ("每两周联系", "Every two weeks", 14),
                                    ("每月联系", "Monthly", 30), ("每季度联系", "Quarterly", 90), ("每半年联系", "Half-yearly", 180)])
        addCycle(.purchaseStrategy, [("每月采购", "Monthly purchase", 30), ("每季度采购", "Quarterly purchase", 90),
                                     ("每半年采购", "Half-yearly purchase", 180), ("每年采购", "Yearly purchase", 365)])
        return out
    }
}
