/// A rectangle of the screen.
public struct Rect: Equatable, Sendable {
    public var x, y, width, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) { self.x = x; self.y = y; self.width = width; self.height = height }
}

/// Where the panes go for a terminal size: the one place that decides, used
/// by the renderers and by the reducer (page sizes, scrolling).
///
/// Row 0 is the tab bar, the last two rows are the status line and the key
/// hints. At 120 columns and more the list and the customer view stand side by
/// side; below that the focused pane takes the whole width.
public struct Layout: Equatable, Sendable {
    public var list: Rect?
    public var detail: Rect?
    public var main: Rect

    public init(width: Int, height: Int, pane: Pane, sideBySide: Bool) {
        main = Rect(x: 0, y: 1, width: width, height: max(0, height - 3))
        switch pane {
        case .list, .detail:
            if sideBySide {
                let lw = max(60, width * 55 / 100)
                list = Rect(x: 0, y: 1, width: lw, height: main.height)
                detail = Rect(x: lw + 1, y: 1, width: width - lw - 1, height: main.height)
            } else if pane == .list {
                list = main
            } else {
                detail = main
            }
        case .dashboard, .agenda, .duplicates:
            break
        }
    }

    public init(_ s: AppState) { self.init(width: s.width, height: s.height, pane: s.pane, sideBySide: s.sideBySide) }

    /// Rows of customers the list shows (its rect less the title and header lines).
    public var listRows: Int { max(1, (list?.height ?? main.height) - 2) }
    /// Lines the customer view shows (its rect less the title line).
    public var detailRows: Int { max(1, (detail?.height ?? main.height) - 1) }
    public var detailWidth: Int { detail?.width ?? main.width }
    public var mainRows: Int { max(1, main.height - 1) }
}
