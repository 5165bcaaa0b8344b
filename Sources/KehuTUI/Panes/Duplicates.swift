import KehuCore

/// The duplicates review pane: the pair on screen side by side, field by field,
/// with the value the merged customer will keep marked `●` (the other `○`).
/// From 120 columns the queue stands on the left.
///
/// ```
///  重复客户  第 1/12 对 · 相似度 0.999
///  一致:电话 电子邮件 邮政编码 · 相近:客户名称
///  字段      C7 · 保留                     C12 · 并入
/// ▶客户名称  ● 西安市盛世置业有限公司      ○ 西安市盛世置业有限责任公司
/// ```
enum Duplicates {
    /// Lines above the field rows: title, agreement, column header.
    static let headerLines = 3

    /// The queue's width on a wide terminal (nil: no queue column).
    static func queueWidth(_ width: Int) -> Int? { width >= 120 ? min(48, width / 3) : nil }

    static func render(_ s: AppState, into g: inout Grid, rect r: Rect) {
        g.fill(x: r.x, y: r.y, width: r.width, height: r.height)
        let d = s.duplicates
        var title = [Span(" " + s.t(.paneDuplicates) + " ", .tabActive)]
        switch d.phase {
        case .idle, .finding:
            g.put(title, x: r.x, y: r.y, maxWidth: r.width)
            g.put(s.t(.dupFinding), x: r.x + 1, y: r.y + 2, role: .warning, maxWidth: r.width - 1)
            return
        case .ready:
            break
        }
        guard let (review, choice) = Reducer.currentReview(s) else {
            g.put(title, x: r.x, y: r.y, maxWidth: r.width)
            g.put(s.t(.dupNone), x: r.x + 1, y: r.y + 2, role: .dim, maxWidth: r.width - 1)
            g.put(s.t(.dupSummary, d.records, 0), x: r.x + 1, y: r.y + 3, role: .dim, maxWidth: r.width - 1)
            return
        }
        let pair = review.pair
        title.append(Span(" " + s.t(.dupPairOf, d.index + 1, d.pairs.count), .accent))
        title.append(Span(" · " + s.t(.dupScore, score(pair.score)), .dim))
        g.put(title, x: r.x, y: r.y, maxWidth: r.width)
        var agreed: [Span] = []
        if !pair.agreeing.isEmpty { agreed.append(Span(s.t(.dupAgreed, pair.agreeing.map { fieldLabel($0, s.lang) }.joined(separator: " ")), .success)) }
        if !pair.similar.isEmpty {
            if !agreed.isEmpty { agreed.append(Span(" · ", .dim)) }
            agreed.append(Span(s.t(.dupSimilar, pair.similar.map { fieldLabel($0, s.lang) }.joined(separator: " ")), .dim))
        }
        g.put(agreed, x: r.x + 1, y: r.y + 1, maxWidth: r.width - 1)

        var body = Rect(x: r.x, y: r.y + 2, width: r.width, height: r.height - 2)
        if let qw = queueWidth(r.width) {
            queue(s, into: &g, rect: Rect(x: r.x, y: body.y, width: qw, height: body.height))
            for y in body.y..<(body.y + body.height) { g.put("│", x: r.x + qw, y: y, role: .border) }
            body = Rect(x: r.x + qw + 1, y: body.y, width: r.width - qw - 1, height: body.height)
        }
        pairView(s, review, choice, into: &g, rect: body)
    }

    /// Column header and one line per field.
    static func pairView(_ s: AppState, _ review: DedupReview, _ choice: DuplicatesState.Choice, into g: inout Grid, rect r: Rect) {
        let rows = MergeRows.rows(review, choice: choice, snapshot: s.snapshot, lang: s.lang)
        let lw = min(18, (rows.map { $0.label.displayWidth }.max() ?? 8) + 1)
        let vw = max(6, (r.width - 1 - lw - 1) / 2)
        let x0 = r.x + 1, xl = x0 + lw, xr = xl + vw + 1
        func head(_ c: Customer) -> Span {
            let keep = c.id == choice.survivor
            var text = c.id + " · " + s.t(keep ? .dupKeep : .dupAbsorb)
            if let e = c.externalId { text += " · " + e }
            return Span(TextFit.fit(text, vw), keep ? .accent : .dim)
        }
        g.put([Span(TextFit.fit(s.t(.conflictField), lw), .header), head(review.left), Span(" "), head(review.right)],
              x: x0, y: r.y, maxWidth: r.width - 1)
        let visible = max(1, r.height - 1)
        for i in 0..<visible {
            let k = s.duplicates.scroll + i
            guard k < rows.count else { break }
            let row = rows[k], y = r.y + 1 + i
            g.put(TextFit.fit(row.label, lw - 1), x: x0, y: y, role: .label, maxWidth: lw - 1)
            g.put(cell(row.left, kept: row.kept.map { $0 == .left }), x: xl, y: y, maxWidth: vw)
            g.put(cell(row.right, kept: row.kept.map { $0 == .right }), x: xr, y: y, maxWidth: vw)
            if k == s.duplicates.row {
                g.put("▶", x: r.x, y: y, role: .selected)
                g.paint(x: r.x, y: y, width: r.width, role: .selected)
            }
        }
        if s.duplicates.scroll + visible < rows.count {
            g.put("↓", x: r.x + r.width - 1, y: r.y + visible, role: .dim)
        }
    }

    /// A value with its marker: `●` kept, `○` dropped, none when there is no choice.
    /// (`Grid.put` shows a newline in a note as `⏎`.)
    static func cell(_ text: String, kept: Bool?) -> [Span] {
        switch kept {
        case true?: return [Span("● ", .success), Span(text, .normal)]
        case false?: return [Span("○ ", .dim), Span(text, .dim)]
        case nil: return [Span("  "), Span(text, .normal)]
        }
    }

    /// The queue: score and both names, the pair on screen marked.
    static func queue(_ s: AppState, into g: inout Grid, rect r: Rect) {
        let d = s.duplicates
        g.put(s.t(.dupQueue) + " · \(d.pairs.count)", x: r.x + 1, y: r.y, role: .header, maxWidth: r.width - 1)
        let visible = max(1, r.height - 1)
        let top = max(0, min(d.index - visible / 2, d.pairs.count - visible))
        for i in 0..<visible {
            let k = top + i
            guard k < d.pairs.count else { break }
            let p = d.pairs[k], y = r.y + 1 + i
            let a = s.snapshot.customers[p.id1]?.name ?? p.id1, b = s.snapshot.customers[p.id2]?.name ?? p.id2
            let line = (k == d.index ? "▶" : " ") + score(p.score) + " " + a + " ↔ " + b
            g.put(TextFit.fit(line, r.width - 1), x: r.x, y: y, role: k == d.index ? .selected : .normal, maxWidth: r.width - 1)
        }
    }

    /// A dedup field key (`name`, `contacts`, `phone`, `custom.税号`) in the UI language.
    static func fieldLabel(_ key: String, _ lang: Language) -> String {
        if key == "contacts" { return Catalog.text(.sectionContacts, lang) }
        if key.hasPrefix("custom.") { return String(key.dropFirst(7)) }
        return CustomerField.named(key)?.label.text(lang) ?? key
    }

    /// A probability with three decimals (`0.998`).
    static func score(_ p: Double) -> String {
        let milli = Int((min(1, max(0, p)) * 1000).rounded())
        let frac = String(milli % 1000)
        return "\(milli / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }
}
