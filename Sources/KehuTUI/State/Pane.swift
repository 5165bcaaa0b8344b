import KehuCore

/// The panes of the workstation. On a wide terminal the list and the customer
/// view stand side by side; on a narrow one each pane takes the whole screen.
public enum Pane: String, CaseIterable, Sendable {
    case list, detail, dashboard, agenda
    /// The duplicates review (`D`): not a numbered tab, opened by its command.
    case duplicates

    /// The numbered tabs (1–4) that Tab cycles through.
    public static let tabs: [Pane] = [.list, .detail, .dashboard, .agenda]

    public var context: KeyContext {
        switch self {
        case .list: return .list
        case .detail: return .detail
        case .dashboard: return .dashboard
        case .agenda: return .agenda
        case .duplicates: return .duplicates
        }
    }

    public var title: Msg {
        switch self {
        case .list: return .paneList
        case .detail: return .paneDetail
        case .dashboard: return .paneDashboard
        case .agenda: return .paneAgenda
        case .duplicates: return .paneDuplicates
        }
    }
}
