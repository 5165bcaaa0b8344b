import KehuCore

/// The whole screen for a state: the one pure function the terminal adapter
/// and the snapshot tests call.
public enum Screen {
    public struct Frame: Sendable {
        public var grid: Grid
        /// Where the terminal cursor goes when text is being typed (nil: hidden).
        public var cursor: (x: Int, y: Int)?
    }

    public static func render(_ s: AppState) -> Frame {
        var g = Grid(width: s.width, height: s.height)
        guard s.width >= 20, s.height >= 6 else {
            g.put("80×24+", x: 0, y: 0, role: .warning)
            return Frame(grid: g, cursor: nil)
        }
        Chrome.tabs(s, into: &g)
        let layout = Layout(s)
        var cursor: (Int, Int)? = nil
        if let c = s.conflict {
            ConflictView.render(s, c, into: &g, rect: layout.main)
        } else if let f = s.form {
            FormView.render(s, f, into: &g, rect: layout.main)
            cursor = FormView.cursor(s, f, rect: layout.main)
        } else if s.showHelp {
            Help.render(s, into: &g, rect: layout.main)
        } else {
            switch s.pane {
            case .list, .detail:
                if let r = layout.list { CustomerList.render(s, into: &g, rect: r, focused: s.pane == .list) }
                if let r = layout.detail { CustomerDetail.render(s, into: &g, rect: r, focused: s.pane == .detail) }
                if let l = layout.list, layout.detail != nil {
                    for y in l.y..<(l.y + l.height) { g.put("│", x: l.width, y: y, role: .border) }
                }
            case .dashboard:
                Dashboard.render(s, model: s.dashboard ?? s.dashboardSource(s.snapshot, s.lang, s.clock, s.followUps), into: &g, rect: layout.main)
            case .agenda:
                Agenda.render(s, into: &g, rect: layout.main)
            case .duplicates:
                Duplicates.render(s, into: &g, rect: layout.main)
            }
        }
        if let c = Chrome.status(s, into: &g) { cursor = c }
        Chrome.hints(s, into: &g)
        return Frame(grid: g, cursor: cursor.map { (x: $0.0, y: $0.1) })
    }
}
