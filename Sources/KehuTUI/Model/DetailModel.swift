import KehuCore

/// The unified customer view (客户视图, seed 003) of one customer as lines of
/// styled text for a given width: basic information (every field, dictionary
/// labels in the UI language), contacts, purchase history with a monthly
/// sparkline, interactions newest first with multi-line notes, feedback and
/// complaints, and the derived metrics. The detail pane scrolls over them.
public enum DetailModel {
    public typealias Line = [Span]

    public static func lines(_ c: Customer, state s: AppState, width: Int) -> [Line] {
        let snap = s.snapshot, lang = s.lang
        var out: [Line] = []
        func t(_ m: Msg, _ a: CustomStringConvertible...) -> String { Catalog.text(m, lang, a) }
        func heading(_ text: String) {
            if !out.isEmpty { out.append([]) }
            out.append([Span("▌" + text + " ", .title), Span(String(repeating: "─", count: max(0, width - text.displayWidth - 2)), .border)])
        }
        func wrapped(_ text: String, indent: Int, role: Role = .normal) {
            let pad = String(repeating: " ", count: indent)
            for para in TerminalText.lines(text) {
                for l in TextFit.wrap(para, width: max(4, width - indent)) { out.append([Span(pad + l, role)]) }
            }
        }

        // Title line: name, id, owner.
        var title: Line = [Span(c.name, .title), Span("  \(c.id)", .dim)]
        if let e = c.externalId { title.append(Span(" · \(e)", .dim)) }
        title.append(Span("  " + (c.owner.map { "@\($0)" } ?? t(.inPool)), c.owner == nil ? .warning : .accent))
        if c.locked { title.append(Span(" 🔒" + t(.lockedMark), .warning)) }
        out.append(title)
        if !c.tags.isEmpty { out.append(c.tags.map { Span("#\($0) ", .accent) }) }

        // Basic information: every field with a value, labels in the UI language.
        heading(t(.sectionBasic))
        let shown: [CustomerField] = CustomerField.allCases.filter { ![.name, .externalId, .tags, .notes, .createdAt, .updatedAt].contains($0) }
        let labelWidth = min(18, shown.map { $0.label.text(lang).displayWidth }.max() ?? 10) + 1
        for f in shown {
            let v = fieldText(c, f, snap, lang)
            if v.isEmpty { continue }
            let role: Role = f == .credit ? .star : .normal
            let label = TextFit.fit(f.label.text(lang), labelWidth)
            let lines = TerminalText.lines(v).flatMap { TextFit.wrap($0, width: max(4, width - labelWidth - 1)) }
            for (i, l) in lines.enumerated() {
                out.append([Span(i == 0 ? label : String(repeating: " ", count: labelWidth), .label), Span(" " + l, role)])
            }
        }
        for (k, v) in c.custom.sorted(by: { $0.key < $1.key }) {
            out.append([Span(TextFit.fit(k, labelWidth), .label), Span(" " + v)])
        }
        if let n = c.notes, !n.isEmpty {
            out.append([Span(CustomerField.notes.label.text(lang), .label)])
            wrapped(n, indent: 2)
        }

        // Derived metrics.
        heading(t(.sectionMetrics))
        let m = snap.metrics(of: c.id)
        var figures: [(String, String)] = [
            (t(.metricCount), String(m.count)),
            (t(.metricTotal), m.totalMoney.formatted),
            (t(.metricAverage), m.count > 0 ? Money(minor: m.total / Int64(m.count)).formatted : t(.empty)),
            (t(.metricFirst), m.first?.description ?? t(.empty)),
            (t(.metricLast), m.last?.description ?? t(.empty)),
        ]
        let interactions = snap.interactions(of: c.id)
        if let last = interactions.first(where: { $0.kind == .contact }) {
            let d = s.clock.date(last.at)
            figures.append((t(.metricLastContact), "\(d) (\(t(.metricDaysAgo, s.clock.today.days - d.days)))"))
        }
        if let due = s.followUps.due[c.id] {
            figures.append((t(.metricNextFollowUp), due.description + (s.followUps.kinds[c.id].map { " · " + $0.text(lang) } ?? "")))
        }
        for (cur, v) in m.otherCurrencies.sorted(by: { $0.key < $1.key }) {
            figures.append((t(.metricOtherCurrencies), Money(minor: v, currency: cur).formatted))
        }
        let fw = (figures.map { $0.0.displayWidth }.max() ?? 8) + 1
        for (k, v) in figures {
            let role: Role = k == t(.metricNextFollowUp) && (s.followUps.due[c.id].map { $0 < s.clock.today } ?? false) ? .overdue : .normal
            out.append([Span(TextFit.fit(k, fw), .label), Span(" " + v, role)])
        }

        // Contacts.
        heading(t(.sectionContacts))
        let contacts = snap.contacts(of: c.id)
        if contacts.isEmpty { out.append([Span(t(.noContacts), .dim)]) }
        for p in contacts {
            var l: Line = [Span(p.name, .accent)]
            if let ti = p.title { l.append(Span(" · " + ti, .dim)) }
            out.append(l)
            let parts = [(t(.colMobile), p.mobile), (t(.colPhone), p.phone), (t(.colEmail), p.email), (t(.colWechat), p.wechat)]
                .compactMap { k, v in v.map { "\(k) \($0)" } }
            if !parts.isEmpty { wrapped(parts.joined(separator: "  "), indent: 2) }
            if let n = p.notes { wrapped(n, indent: 2, role: .dim) }
        }

        // Purchase history: sparkline, then the table newest first.
        heading(t(.sectionPurchases))
        let txs = snap.transactions(of: c.id)
        if txs.isEmpty { out.append([Span(t(.noPurchases), .dim)]) } else {
            let months = MonthlyRevenue.last12(txs, today: s.clock.today)
            out.append([Span(t(.monthlySparkline) + " ", .label), Span("[" + MonthlyRevenue.sparkline(months.map(\.minor)) + "]", .sparkline),
                        Span(" \(months.first!.label)…\(months.last!.label)", .dim)])
            let amountW = max(12, txs.map { $0.amount.formatted.displayWidth }.max() ?? 12)
            let restW = max(6, width - 10 - amountW - 2)
            out.append([Span(TextFit.fit(t(.colDate), 10) + " " + TextFit.fit(t(.colAmount), amountW, .right) + " " + TextFit.fit(t(.colProduct), restW), .header)])
            let newest = Array(txs.reversed())
            for tx in newest.prefix(50) {
                var rest = tx.product ?? ""
                if let q = tx.quantityMilli { rest += " ×" + quantity(q) }
                if let n = tx.note, !n.isEmpty { rest += (rest.isEmpty ? "" : " · ") + n }
                out.append([Span(tx.date.description + " "), Span(TextFit.fit(tx.amount.formatted, amountW, .right), .normal),
                            Span(" " + TextFit.fit(TerminalText.line(rest), restW))])
            }
            if newest.count > 50 { out.append([Span(t(.morePurchases, newest.count - 50), .dim)]) }
        }

        // Interactions, newest first, with multi-line notes.
        heading(t(.sectionInteractions))
        let contactsOnly = interactions.filter { $0.kind == .contact }
        if contactsOnly.isEmpty { out.append([Span(t(.noInteractions), .dim)]) }
        for i in contactsOnly { interactionLines(i, state: s, width: width, into: &out) }

        // Feedback and complaints.
        heading(t(.sectionFeedback))
        let feedback = interactions.filter { $0.kind != .contact }
        if feedback.isEmpty { out.append([Span(t(.noFeedback), .dim)]) }
        for i in feedback { interactionLines(i, state: s, width: width, into: &out) }
        return out
    }

    static func interactionLines(_ i: Interaction, state s: AppState, width: Int, into out: inout [Line]) {
        var head: Line = [Span(s.clock.minute(i.at), .accent)]
        if i.kind != .contact { head.append(Span(" [" + i.kind.label.text(s.lang) + "]", i.kind == .complaint ? .error : .warning)) }
        if let ch = i.channel { head.append(Span(" " + s.snapshot.dictionary.label(.channel, ch, s.lang), .label)) }
        if let by = i.by { head.append(Span(" @" + by, .dim)) }
        out.append(head)
        for para in TerminalText.lines(i.note) {
            for l in TextFit.wrap(para, width: max(4, width - 2)) { out.append([Span("  " + l)]) }
        }
    }

    /// A field's display text: dictionary codes as labels in the UI language.
    public static func fieldText(_ c: Customer, _ f: CustomerField, _ snap: Snapshot, _ lang: Language) -> String {
        switch f.kind {
        case .dictionary(let kind):
            let code = c[f].stringValue
            guard let code, !code.isEmpty else { return "" }
            var label = snap.dictionary.label(kind, code, lang)
            if kind.hasCycle, let d = snap.dictionary.cycleDays(kind, code) { label += lang == .zh ? "(\(d) 天)" : " (\(d) days)" }
            return label
        case .boolean:
            guard let b = c[f].boolValue, f != .locked || b else { return "" }
            return Catalog.text(b ? .yes : .no, lang)
        default:
            return c.text(f)
        }
    }

    static func quantity(_ milli: Int64) -> String {
        milli % 1000 == 0 ? String(milli / 1000) : String(format3(milli))
    }

    static func format3(_ milli: Int64) -> String {
        var frac = String(abs(milli) % 1000)
        while frac.count < 3 { frac = "0" + frac }
        while frac.hasSuffix("0") { frac.removeLast() }
        return "\(milli / 1000).\(frac)"
    }
}
