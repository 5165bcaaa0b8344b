/// What a cell *means*; the theme decides how it looks. Renderers only ever
/// name roles, so the snapshot tests stay independent of colours and a theme
/// can restyle everything without touching a pane.
public enum Role: String, CaseIterable, Sendable, Hashable {
    case normal, dim, header, selected, selectedDim, title, tabActive, tabInactive
    case status, statusKey, message, error, warning, success, accent, star, border
    case input, inputActive, label, link, overdue, due, sparkline, bar, highlight
}
