import KehuCore

/// The dashboard pane: draws a `DashboardModel`'s sections one under another
/// (two columns when wide), scrollable.
enum Dashboard {
    static func lines(_ model: DashboardModel, width: Int, lang: Language) -> [[Span]] {
        var out: [[Span]] = []
        for sec in model.sections {
            if !out.isEmpty { out.append([]) }
            switch sec {
            case let .figures(title, figs):
                out.append([Span("▌" + title, .title)])
                let lw = (figs.map { $0.0.displayWidth }.max() ?? 0) + 2
                for (k, v) in figs { out.append([Span(TextFit.fit(k, lw), .label), Span(v, .accent)]) }
            case let .bars(title, bars):
                out.append([Span("▌" + title, .title)])
                if bars.isEmpty { out.append([Span(Catalog.text(.dashboardNone, lang), .dim)]) }
                let lw = min(20, (bars.map { $0.label.displayWidth }.max() ?? 0) + 1)
                let tw = (bars.map { $0.text.displayWidth }.max() ?? 0) + 1
                let bw = max(4, width - lw - tw - 2)
                let top = max(1, bars.map(\.value).max() ?? 1)
                for b in bars {
                    let n = b.value <= 0 ? 0 : max(1, Int(Double(b.value) / Double(top) * Double(bw)))
                    out.append([Span(TextFit.fit(b.label, lw), .label), Span(TextFit.fit(b.text, tw, .right) + " ", .normal),
                                Span(String(repeating: "█", count: n), .bar)])
                }
            case let .table(title, columns, rows):
                out.append([Span("▌" + title, .title)])
                var ws = columns.map { $0.displayWidth }
                for r in rows { for (i, c) in r.enumerated() where i < ws.count { ws[i] = max(ws[i], c.displayWidth) } }
                if let i = ws.indices.first { ws[i] = min(ws[i], max(8, width - ws.dropFirst().reduce(0, +) - ws.count)) }
                func line(_ cells: [String], _ role: Role) -> [Span] {
                    [Span(zip(cells, ws).map { TextFit.fit($0, $1) }.joined(separator: " "), role)]
                }
                out.append(line(columns, .header))
                for r in rows { out.append(line(r, .normal)) }
            }
        }
        return out
    }

    /// Two columns from 160 cells on (sections alternate), one below.
    static func columns(_ model: DashboardModel, width: Int, lang: Language) -> [[[Span]]] {
        guard width >= 160, model.sections.count > 1 else { return [lines(model, width: width - 2, lang: lang)] }
        let half = (width - 3) / 2
        let left = DashboardModel(sections: model.sections.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        let right = DashboardModel(sections: model.sections.enumerated().filter { $0.offset % 2 == 1 }.map(\.element))
        return [lines(left, width: half - 1, lang: lang), lines(right, width: half - 1, lang: lang)]
    }

    static func render(_ s: AppState, model: DashboardModel, into g: inout Grid, rect r: Rect) {
        g.fill(x: r.x, y: r.y, width: r.width, height: r.height)
        g.put(" " + s.t(.paneDashboard) + " ", x: r.x, y: r.y, role: .tabActive)
        let cols = columns(model, width: r.width, lang: s.lang)
        let colWidth = cols.count == 1 ? r.width - 2 : (r.width - 3) / 2
        let visible = max(1, r.height - 1)
        let longest = cols.map(\.count).max() ?? 0
        let top = max(0, min(s.dashboardScroll, longest - visible))
        for (c, all) in cols.enumerated() {
            let x = r.x + 1 + c * (colWidth + 1)
            for i in 0..<visible where top + i < all.count {
                g.put(all[top + i], x: x, y: r.y + 1 + i, maxWidth: colWidth - 1)
            }
        }
    }
}
