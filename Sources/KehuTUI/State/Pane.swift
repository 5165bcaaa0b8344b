import KehuCore

/// The panes of the workstation. On a wide terminal the list and the customer
/// view stand side by side; on a narrow one each pane takes the whole screen.
public enum Pane: String, CaseIterable, Sendable {
    case list, detail, dashboard, agenda

    public var context: KeyContext {
        switch self {
        case .list: return .list
        case .detail: return .detail
        case .dashboard: return .dashboard
        case .agenda: return .agenda
        }
    }

    public var title: Msg {
        switch self {
        case .list: return .paneList
        case .detail: return .paneDetail
        case .dashboard: return .paneDashboard
        case .agenda: return .paneAgenda
        }
    }
}
