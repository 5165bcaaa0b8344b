import KehuCore

/// The customer view pane: a title and the scrolled lines of `DetailModel`.
enum CustomerDetail {
    static func render(_ s: AppState, into g: inout Grid, rect r: Rect, focused: Bool) {
        g.fill(x: r.x, y: r.y, width: r.width, height: r.height)
        guard let c = s.selected else {
            g.put(" " + s.t(.paneDetail) + " ", x: r.x, y: r.y, role: focused ? .tabActive : .title)
            g.put(s.t(.detailNone), x: r.x + 1, y: r.y + 2, role: .dim, maxWidth: r.width - 1)
            return
        }
        let lines = DetailModel.lines(c, state: s, width: r.width - 1)
        let visible = max(1, r.height - 1)
        let top = max(0, min(s.detailScroll, lines.count - visible))
        var title = [Span(" " + s.t(.paneDetail) + " ", focused ? .tabActive : .title)]
        if lines.count > visible { title.append(Span(" \(top + 1)–\(min(lines.count, top + visible))/\(lines.count)", .dim)) }
        g.put(title, x: r.x, y: r.y, maxWidth: r.width)
        for i in 0..<visible where top + i < lines.count {
            g.put(lines[top + i], x: r.x + 1, y: r.y + 1 + i, maxWidth: r.width - 1)
        }
    }

    static func lineCount(_ s: AppState, width: Int) -> Int {
        guard let c = s.selected else { return 0 }
        return DetailModel.lines(c, state: s, width: width - 1).count
    }
}
