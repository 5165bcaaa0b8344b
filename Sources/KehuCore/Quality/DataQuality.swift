import Foundation

/// The data-quality report behind `kehu check --data`: what is missing, malformed,
/// outside the dictionary, stale or probably duplicated. A pure function of a
/// snapshot, so the CLI, the dashboard and tests render the same report.
public struct DataQualityReport: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case missing, invalidEmail, invalidPhone, invalidPostcode, outsideDictionary, stale, likelyDuplicate

        public var label: Label {
            switch self {
            case .missing: return Label(zh: "缺少必填字段", en: "Missing required field")
            case .invalidEmail: return Label(zh: "邮箱无效", en: "Invalid email")
            case .invalidPhone: return Label(zh: "电话无效", en: "Invalid phone")
            case .invalidPostcode: return Label(zh: "邮编无效", en: "Invalid postcode")
            case .outsideDictionary: return Label(zh: "不在字典中", en: "Not in the dictionary")
            case .stale: return Label(zh: "一年未联系", en: "No interaction in a year")
            case .likelyDuplicate: return Label(zh: "疑似重复", en: "Likely duplicate")
            }
        }
    }

    public struct Finding: Hashable, Sendable {
        public var kind: Kind
        /// The record (C12, P3, I7); for a duplicate, the first of the pair.
        public var id: String
        public var field: String
        public var value: String
        public var detail: String
    }

    public var findings: [Finding] = []
    public var customers = 0

    public func count(_ kind: Kind) -> Int { findings.lazy.filter { $0.kind == kind }.count }

    /// What a store should have for each customer, beyond the name the store itself requires.
    public static let defaultRequired: [CustomerField] = [.region, .category, .source, .industry]

    /// Builds the report.
    /// - Parameters:
    ///   - required: customer fields that must be filled (plus: a phone or an email).
    ///   - staleDays: a customer with no interaction for this long is stale (one created
    ///     more recently than that is not).
    ///   - dedup: the duplicate finder to count likely duplicates with (nil skips it).
    public static func build(_ s: Snapshot, today: LocalDate, required: [CustomerField] = defaultRequired,
                             staleDays: Int = 365, dedup: Deduplicator? = Deduplicator()) -> DataQualityReport {
        var r = DataQualityReport()
        r.customers = s.customers.count
        let cutoff = Timestamp(millis: Int64(today.adding(days: -staleDays).days) * 86_400_000)
        func add(_ k: Kind, _ id: String, _ f: String, _ v: String, _ d: String) { r.findings.append(Finding(kind: k, id: id, field: f, value: v, detail: d)) }
        func phone(_ id: String, _ f: String, _ v: String?) {
            if let v, !v.isEmpty, let why = Validators.phone(v) { add(.invalidPhone, id, f, v, why) }
        }
        func email(_ id: String, _ f: String, _ v: String?) {
            if let v, !v.isEmpty, let why = Validators.email(v) { add(.invalidEmail, id, f, v, why) }
        }
        for c in s.customerList {
            for f in required where c.text(f).isEmpty { add(.missing, c.id, f.rawValue, "", "\(f.label.zh) is empty") }
            let contacts = s.contacts(of: c.id)
            let anyPhone = ([c.phone] + contacts.flatMap { [$0.phone, $0.mobile] }).contains { !($0 ?? "").isEmpty }
            let anyEmail = ([c.email] + contacts.map(\.email)).contains { !($0 ?? "").isEmpty }
            if !anyPhone && !anyEmail { add(.missing, c.id, "phone", "", "no phone or email, on the customer or any contact") }
            phone(c.id, "phone", c.phone); phone(c.id, "fax", c.fax); email(c.id, "email", c.email)
            if let p = c.postcode, !p.isEmpty, let why = Validators.postcode(p) { add(.invalidPostcode, c.id, "postcode", p, why) }
            for f in CustomerField.allCases {
                guard case .dictionary(let kind) = f.kind, let v = c[f].stringValue, !v.isEmpty, s.dictionary.entry(kind, v) == nil else { continue }
                add(.outsideDictionary, c.id, f.rawValue, v, "not in \(kind.label.zh)")
            }
            for p in contacts {
                phone(p.id, "phone", p.phone); phone(p.id, "mobile", p.mobile); email(p.id, "email", p.email)
            }
            let last = s.interactions(of: c.id).first?.at
            if (last ?? c.createdAt) < cutoff {
                add(.stale, c.id, "interactions", last.map { $0.utcDate.description } ?? "", last == nil ? "never contacted" : "last contact \(last!.utcDate)")
            }
        }
        for i in s.interactions.values.sorted(by: { idNumber($0.id) < idNumber($1.id) }) {
            if let ch = i.channel, s.dictionary.entry(.channel, ch) == nil { add(.outsideDictionary, i.id, "channel", ch, "not in \(DictionaryKind.channel.label.zh)") }
        }
        if let dedup {
            for p in dedup.run(s).pairs {
                add(.likelyDuplicate, p.id1, "", p.id2, String(format: "%.3f", p.score) + " " + p.agreeing.joined(separator: " "))
            }
        }
        return r
    }
}
