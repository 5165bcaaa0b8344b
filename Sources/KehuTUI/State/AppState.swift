import KehuCore

/// Everything the screen shows, as one value. The reducer is the only code
/// that changes it; renderers only read it.
public struct AppState: Sendable {
    public var snapshot: Snapshot
    public var user: String
    public var storeName: String
    public var lang: Language
    public var theme: String
    public var themes: [String]
    public var clock: Clock
    public var width: Int
    public var height: Int

    public var pane: Pane = .list
    public var showHelp = false
    public var helpScroll = 0
    public var form: FormState? = nil
    public var conflict: ConflictState? = nil
    /// The `:` command line while it is open.
    public var commandLine: LineInput? = nil
    /// A message for the status line; `isError` colours it.
    public var message: (text: String, isError: Bool)? = nil

    // The list
    public var table = CustomerTable()
    public var filter = LineInput()
    public var filterEditing = false
    public var narrowing = Narrowing()
    /// Row positions shown, in order (sorted, filtered).
    public var visible: [Int32] = []
    public var cursor = 0
    public var listTop = 0
    /// The selected customer, kept by id so another user's change never moves the cursor away.
    public var selectedId: String? = nil

    // Other panes
    public var detailScroll = 0
    public var dashboardScroll = 0
    public var agendaCursor = 0
    public var agendaTop = 0
    /// The agenda shows everyone's follow-ups, not only the user's own customers.
    public var agendaAll = false
    /// The duplicates review pane (`D`).
    public var duplicates = DuplicatesState()

    public var followUps: FollowUps
    /// The dashboard's sections, computed when the dashboard is shown and the data changed.
    public var dashboard: DashboardModel? = nil
    public var followUpSource: @Sendable (Snapshot, Clock) -> FollowUps
    public var dashboardSource: @Sendable (Snapshot, Language, Clock, FollowUps) -> DashboardModel
    public var commands = CommandTable.standard
    public var quitting = false

    public init(snapshot: Snapshot, user: String, storeName: String = "", lang: Language, theme: String = "default",
                themes: [String] = ["default", "light", "high-contrast", "monochrome"], clock: Clock,
                width: Int = 80, height: Int = 24,
                followUpSource: @escaping @Sendable (Snapshot, Clock) -> FollowUps = { FollowUps.simple($0, clock: $1) },
                dashboardSource: @escaping @Sendable (Snapshot, Language, Clock, FollowUps) -> DashboardModel = { DashboardModel.basic($0, lang: $1, clock: $2, followUps: $3) }) {
        self.snapshot = snapshot; self.user = user; self.storeName = storeName; self.lang = lang
        self.theme = theme; self.themes = themes; self.clock = clock; self.width = width; self.height = height
        self.followUpSource = followUpSource; self.dashboardSource = dashboardSource
        // The follow-up dates (a reminder plan over every customer) are computed on a second
        // thread while this one builds the list rows; the rows take them once both are done.
        let pending = BackgroundValue { followUpSource(snapshot, clock) }
        self.table = CustomerTable(snapshot, followUps: { pending.value }, sort: .name, descending: false, lang: lang)
        self.followUps = pending.value
        refilter()
    }

    /// The selected row's customer, if any.
    public var selected: Customer? { selectedId.flatMap { snapshot.customers[$0] } }

    /// True when list and customer view stand side by side.
    public var sideBySide: Bool { width >= 120 && height >= 20 }

    /// The key context keys are looked up in now.
    public var keyContext: KeyContext {
        if conflict != nil { return .conflict }
        if form != nil { return .form }
        if showHelp { return .help }
        return pane.context
    }


    /// Recomputes the visible rows after the filter or the data changed, keeping the selected customer.
    public mutating func refilter() {
        let q = filter.text
        let hits: [Int32]? = SearchIndex.words(q).isEmpty ? nil : narrowing.filter(q, in: table.index)
        visible = table.visible(hits: hits)
        if let id = selectedId, let p = table.position[id], let i = visible.firstIndex(of: Int32(p)) {
            cursor = i
        } else {
            cursor = min(cursor, max(0, visible.count - 1))
        }
        selectedId = visible.isEmpty ? nil : table.rows[Int(visible[cursor])].id
    }

    public mutating func select(row i: Int) {
        guard !visible.isEmpty else { cursor = 0; selectedId = nil; return }
        let n = max(0, min(i, visible.count - 1))
        if n != cursor || selectedId == nil { detailScroll = 0 }
        cursor = n
        selectedId = table.rows[Int(visible[n])].id
    }
}

