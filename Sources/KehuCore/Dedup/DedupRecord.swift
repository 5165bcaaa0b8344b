/// One customer prepared for comparison: every compared field normalised once,
/// and its blocking keys, so that comparing a pair is only array work.
public struct DedupRecord: Sendable {
    /// A field's normalised values (several for phones, emails and contact names).
    public struct Value: Sendable {
        public var texts: [String] = []
        /// Unicode scalars of each text, for Jaro-Winkler.
        var scalars: [[UInt32]] = []
        /// Token-sorted forms (`wang wei` for `wei wang`), or empty when the same as `scalars`.
        var sorted: [[UInt32]] = []
        /// Mailbox names (before the `@`) of email values.
        var mailboxes: [Substring] = []
        /// Pinyin spellings (company: the name's pinyin; persons: surname first and last),
        /// so 王伟 meets Wang Wei and Wei Wang, and a homophone typo still agrees.
        var phonetic: [String] = []
        public var isEmpty: Bool { texts.isEmpty }

        mutating func add(_ text: String, sortedToo: Bool = false) {
            guard !text.isEmpty, !texts.contains(text) else { return }
            texts.append(text)
            let sc = text.unicodeScalars.map(\.value)
            scalars.append(sc)
            if sortedToo {
                let s = DedupText.sortedTokens(text)
                sorted.append(s == text ? [] : s.unicodeScalars.map(\.value))
            }
        }
    }

    /// The normal forms that both the comparators and the blocking keys use.
    public struct Basis: Sendable {
        public var core: String
        public var phones: [String]
        public var emails: [String]
        public var persons: [String]
        public var postcode: String?

        public init(customer c: Customer, contacts: [Contact]) {
            core = DedupText.companyCore(c.name)
            var ph: [String] = []
            for r in [c.phone, c.fax] + contacts.flatMap({ [$0.phone, $0.mobile] }) {
                if let r, let d = DedupText.phone(r), !ph.contains(d) { ph.append(d) }
            }
            phones = ph
            var em: [String] = []
            for r in [c.email] + contacts.map(\.email) {
                if let r, let e = DedupText.email(r), !em.contains(e) { em.append(e) }
            }
            emails = em
            persons = contacts.map { DedupText.fold($0.name) }.filter { !$0.isEmpty }
            postcode = c.postcode.map(DedupText.fold).flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    public var id: String
    /// The id to show: the external id (客户编号) where there is one.
    public var label: String
    public var values: [Value]
    /// Hashes of the blocking keys (see `Blocking`).
    public var blockingKeys: [UInt64]

    public init(customer: Customer, contacts: [Contact], fields: [DedupField]) {
        let basis = Basis(customer: customer, contacts: contacts)
        id = customer.id
        label = customer.externalId ?? customer.id
        values = fields.map { DedupRecord.prepare($0, basis, customer) }
        blockingKeys = Blocking.keys(basis).map(Blocking.hash)
    }

    static func prepare(_ field: DedupField, _ b: Basis, _ c: Customer) -> Value {
        var v = Value()
        switch field.comparator {
        case .company:
            v.add(b.core, sortedToo: true)
            if b.core.unicodeScalars.contains(where: DedupText.isHan) { v.phonetic = [Pinyin.full(b.core)] }
        case .persons:
            for p in b.persons {
                v.add(p, sortedToo: true)
                v.phonetic += DedupText.personKeys(p)
            }
        case .phone: v.texts = b.phones
        case .email:
            v.texts = b.emails
            v.mailboxes = b.emails.map { $0.split(separator: "@", maxSplits: 1).first ?? "" }
        case .address, .text, .exact:
            let raw: String
            if field.key.hasPrefix("custom.") { raw = c.custom[String(field.key.dropFirst(7))] ?? "" }
            else if let f = CustomerField(rawValue: field.key) { raw = c.text(f) }
            else { raw = "" }
            v.add(DedupText.fold(raw))
        }
        return v
    }
}

extension DedupField {
    /// The agreement level of two prepared values (see `DedupField`).
    public func level(_ a: DedupRecord.Value, _ b: DedupRecord.Value) -> Int {
        if a.isEmpty || b.isEmpty { return -1 }
        switch comparator {
        case .company:
            if a.texts[0] == b.texts[0] { return 3 }
            // One name inside the other (华强电子 in 深圳市华强电子): the same company written shorter.
            let (short, long) = a.scalars[0].count < b.scalars[0].count ? (a, b) : (b, a)
            if short.scalars[0].count >= (DedupText.isHan(Unicode.Scalar(short.scalars[0][0]) ?? " ") ? 3 : 6),
               long.texts[0].contains(short.texts[0]) { return 2 }
            if let x = a.phonetic.first, x == b.phonetic.first { return 2 }
            var s = JaroWinkler.similarity(a.scalars[0], b.scalars[0])
            if s < 0.92, !a.sorted[0].isEmpty || !b.sorted[0].isEmpty {
                let x = a.sorted[0].isEmpty ? a.scalars[0] : a.sorted[0], y = b.sorted[0].isEmpty ? b.scalars[0] : b.sorted[0]
                s = max(s, JaroWinkler.similarity(x, y))
            }
            return s >= 0.92 ? 2 : (s >= 0.80 ? 1 : 0)
        case .persons:
            var best = 0.0
            for i in a.texts.indices {
                let x = a.sorted[i].isEmpty ? a.scalars[i] : a.sorted[i]
                for j in b.texts.indices {
                    let y = b.sorted[j].isEmpty ? b.scalars[j] : b.sorted[j]
                    if x == y { return 2 }
                    best = max(best, JaroWinkler.similarity(x, y))
                }
            }
            if !a.phonetic.isEmpty, a.phonetic.contains(where: b.phonetic.contains) { return 2 }
            return best >= 0.88 ? 1 : 0
        case .phone:
            var partial = false
            for x in a.texts {
                for y in b.texts {
                    if x == y { return 2 }
                    if x.utf8.suffix(7).elementsEqual(y.utf8.suffix(7)) { partial = true }
                }
            }
            return partial ? 1 : 0
        case .email:
            for x in a.texts { for y in b.texts where x == y { return 2 } }
            for x in a.mailboxes { for y in b.mailboxes where x == y { return 1 } }
            return 0
        case .address:
            if a.texts[0] == b.texts[0] { return 2 }
            let s = JaroWinkler.similarity(a.scalars[0], b.scalars[0])
            return s >= 0.92 ? 2 : (s >= 0.75 ? 1 : 0)
        case .exact:
            return a.texts[0] == b.texts[0] ? 1 : 0
        case .text:
            if a.texts[0] == b.texts[0] { return 2 }
            return JaroWinkler.similarity(a.scalars[0], b.scalars[0]) >= 0.90 ? 1 : 0
        }
    }
}
