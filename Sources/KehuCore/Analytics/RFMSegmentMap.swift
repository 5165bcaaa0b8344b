import Foundation

/// The RF segment map: which named segment a customer's recency and frequency
/// scores (1–5) fall into. It is data, not code: an ordered table of rules, the
/// first rule whose R and F ranges contain the scores wins, exactly like the
/// regex map in RFM tutorials (`'[1-2][1-2]': 'hibernating', …` applied in order).
///
/// The standard table is the common 10-segment map with `11` split out as Lost.
/// A store can replace it with `rfmSegment` records in the journal (one per rule,
/// fields `order`, `code`, `zh`, `en`, `r` like `1-2`, `f` like `5`); `validated`
/// checks that every one of the 25 cells is covered.
public struct RFMSegmentMap: Sendable, Hashable {
    public struct Rule: Sendable, Hashable {
        public var code: String
        public var label: Label
        public var r: ClosedRange<Int>
        public var f: ClosedRange<Int>

        public init(_ code: String, zh: String, en: String, r: ClosedRange<Int>, f: ClosedRange<Int>) {
            self.code = code; self.label = Label(zh: zh, en: en); self.r = r; self.f = f
        }
    }

    public private(set) var rules: [Rule]

    /// Order matters: Lost (R1 F1) comes before Hibernating (R1–2 F1–2).
    public static let standard = RFMSegmentMap(uncheckedRules: [
        Rule("champions", zh: "重要价值客户", en: "Champions", r: 5...5, f: 4...5),
        Rule("loyal", zh: "忠诚客户", en: "Loyal Customers", r: 3...4, f: 4...5),
        Rule("potentialLoyalist", zh: "潜在忠诚客户", en: "Potential Loyalists", r: 4...5, f: 2...3),
        Rule("new", zh: "新客户", en: "New Customers", r: 5...5, f: 1...1),
        Rule("promising", zh: "有潜力客户", en: "Promising", r: 4...4, f: 1...1),
        Rule("needAttention", zh: "需要关注", en: "Need Attention", r: 3...3, f: 3...3),
        Rule("aboutToSleep", zh: "即将沉睡", en: "About to Sleep", r: 3...3, f: 1...2),
        Rule("atRisk", zh: "有流失风险", en: "At Risk", r: 1...2, f: 3...4),
        Rule("cantLose", zh: "不能失去", en: "Can't Lose Them", r: 1...2, f: 5...5),
        Rule("lost", zh: "已流失", en: "Lost", r: 1...1, f: 1...1),
        Rule("hibernating", zh: "休眠客户", en: "Hibernating", r: 1...2, f: 1...2),
    ])

    /// The segments the at-risk list picks up besides a low P(alive).
    public static let atRiskCodes: Set<String> = ["atRisk", "cantLose"]

    init(uncheckedRules: [Rule]) { rules = uncheckedRules }

    /// A map from rules, or the first problem found, as one line.
    public static func validated(_ rules: [Rule]) -> Result<RFMSegmentMap, RFMMapError> {
        for rule in rules where rule.r.lowerBound < 1 || rule.r.upperBound > 5 || rule.f.lowerBound < 1 || rule.f.upperBound > 5 {
            return .failure(RFMMapError(message: "rfm segment \(rule.code): scores must lie in 1-5"))
        }
        let map = RFMSegmentMap(uncheckedRules: rules)
        for r in 1...5 { for f in 1...5 where map.ruleIndex(r: r, f: f) == nil {
            return .failure(RFMMapError(message: "rfm segment map: no rule covers R\(r) F\(f)"))
        } }
        return .success(map)
    }

    /// The store's map: its `rfmSegment` records when there are any, else the standard one.
    public static func of(_ snapshot: Snapshot) -> Result<RFMSegmentMap, RFMMapError> {
        guard let records = snapshot.extras["rfmSegment"], !records.isEmpty else { return .success(standard) }
        var rules: [(Int64, Rule)] = []
        for (id, f) in records.sorted(by: { $0.key < $1.key }) {
            guard let code = f["code"]?.stringValue ?? Optional(id),
                  let r = scoreRange(f["r"]?.stringValue), let fr = scoreRange(f["f"]?.stringValue) else {
                return .failure(RFMMapError(message: "rfmSegment \(id): r and f must be scores like 1-2 or 5"))
            }
            rules.append((f["order"]?.intValue ?? 0,
                          Rule(code, zh: f["zh"]?.stringValue ?? code, en: f["en"]?.stringValue ?? code, r: r, f: fr)))
        }
        return validated(rules.sorted { $0.0 < $1.0 }.map(\.1))
    }

    static func scoreRange(_ text: String?) -> ClosedRange<Int>? {
        guard let text else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        if parts.count == 1 { return parts[0]...parts[0] }
        if parts.count == 2, parts[0] <= parts[1] { return parts[0]...parts[1] }
        return nil
    }

    func ruleIndex(r: Int, f: Int) -> Int? { rules.firstIndex { $0.r.contains(r) && $0.f.contains(f) } }

    /// The segment of a pair of scores (every pair has one in a validated map).
    public func segment(r: Int, f: Int) -> Rule { rules[ruleIndex(r: r, f: f) ?? rules.count - 1] }

    /// Segments in table order without repeats (a segment may have several rules).
    public var segments: [Rule] {
        var seen: Set<String> = []
        return rules.filter { seen.insert($0.code).inserted }
    }
}

/// A segment map that cannot be used, with the reason in one line.
public struct RFMMapError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
