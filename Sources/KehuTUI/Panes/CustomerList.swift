import KehuCore

/// The customer list: title (count, filter, sort), column header, rows.
/// Columns are chosen by priority so the list never overflows: on a narrow
/// terminal the least important ones go first, the name takes what is left.
enum CustomerList {
    static func columns(width: Int) -> [(ListColumn, Int)] {
        var cols = ListColumn.allCases
        func need(_ cs: [ListColumn]) -> Int { cs.reduce(0) { $0 + $1.minWidth } + cs.count - 1 }
        while need(cols) > width, cols.count > 1 {
            let drop = cols.filter { $0 != .name }.min { $0.priority < $1.priority }!
            cols.removeAll { $0 == drop }
        }
        var widths = Dictionary(uniqueKeysWithValues: cols.map { ($0, $0.minWidth) })
        var spare = width - need(cols)
        // Grow toward the ideal widths, name last so it takes the rest.
        for c in cols where c != .name && spare > 0 {
            let add = min(spare, c.idealWidth - c.minWidth)
            widths[c]! += add; spare -= add
        }
        widths[.name]! += max(0, spare)
        return cols.map { ($0, widths[$0]!) }
    }

    static func render(_ s: AppState, into g: inout Grid, rect r: Rect, focused: Bool) {
        g.fill(x: r.x, y: r.y, width: r.width, height: r.height)
        // Title: count, filter, sort.
        var title = [Span(" " + s.t(.paneList) + " ", focused ? .tabActive : .title),
                     Span(" " + s.t(.listCount, s.visible.count, s.table.rows.count), .dim)]
        if !s.filter.text.isEmpty { title.append(Span("  " + s.t(.listFilter) + ": ", .dim)); title.append(Span(s.filter.text, .highlight)) }
        title.append(Span("  " + s.t(.listSort) + ": " + s.table.sortColumn.label.text(s.lang) + (s.table.descending ? " ↓" : " ↑"), .dim))
        g.put(title, x: r.x, y: r.y, maxWidth: r.width)

        let cols = columns(width: r.width - 1)
        var x = r.x + 1
        for (c, w) in cols {
            let mark = c == s.table.sortColumn ? (s.table.descending ? "↓" : "↑") : ""
            g.put(TextFit.fit(c.label.text(s.lang) + mark, w, c.alignment), x: x, y: r.y + 1, role: .header, maxWidth: w)
            x += w + 1
        }
        g.paint(x: r.x, y: r.y + 1, width: r.width, role: .header)

        let rows = max(0, r.height - 2)
        if s.visible.isEmpty {
            let msg = s.table.rows.isEmpty ? s.t(.listEmpty) : s.t(.listNoMatch, s.filter.text)
            g.put(msg, x: r.x + 1, y: r.y + 2, role: .dim, maxWidth: r.width - 1)
            return
        }
        for i in 0..<rows {
            let vi = s.listTop + i
            guard vi < s.visible.count else { break }
            let row = s.table.rows[Int(s.visible[vi])]
            let y = r.y + 2 + i
            var x = r.x + 1
            for (c, w) in cols {
                let (text, role) = cell(row, c, s)
                g.put(TextFit.fit(text, w, c.alignment), x: x, y: y, role: role, maxWidth: w)
                x += w + 1
            }
            if vi == s.cursor {
                g.paint(x: r.x, y: y, width: r.width, role: focused ? .selected : .selectedDim)
                g.put("▶", x: r.x, y: y, role: focused ? .selected : .selectedDim)
            }
        }
    }

    static func cell(_ row: CustomerRow, _ c: ListColumn, _ s: AppState) -> (String, Role) {
        let dict = s.snapshot.dictionary
        switch c {
        case .name: return (row.name, .normal)
        case .region: return (dict.label(.region, row.region, s.lang), .normal)
        case .category: return (dict.label(.category, row.category, s.lang), .normal)
        case .owner: return (row.owner ?? s.t(.inPool), row.owner == nil ? .warning : .normal)
        case .credit: return (row.credit.map { String(repeating: "★", count: max(0, min(5, $0))) } ?? "", .star)
        case .lastDeal: return (row.lastDeal?.description ?? "", .normal)
        case .nextFollowUp:
            guard let d = row.nextFollowUp else { return ("", .normal) }
            let today = s.clock.today
            return (d.description, d < today ? .overdue : (d == today ? .due : .normal))
        case .amount: return (row.amount == 0 && row.lastDeal == nil ? "" : Money(minor: row.amount).formatted, .normal)
        }
    }
}
