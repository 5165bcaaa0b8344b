/// Every action of the workstation, by its stable kebab-case id.
///
/// The id is what `:` accepts, what the help screen and `docs/keys.md` list,
/// and what bindings name; the reducer switches over this enum, so adding a
/// command without handling it does not compile.
public enum CommandID: String, CaseIterable, Sendable {
    // Moving
    case cursorDown = "cursor-down", cursorUp = "cursor-up", pageDown = "page-down", pageUp = "page-up"
    case cursorTop = "cursor-top", cursorBottom = "cursor-bottom"
    // Panes
    case paneNext = "pane-next", panePrev = "pane-prev", paneList = "pane-list", paneDetail = "pane-detail"
    case paneDashboard = "pane-dashboard", paneAgenda = "pane-agenda"
    case customerOpen = "customer-open", back = "back", agendaScope = "agenda-scope"
    // Finding
    case filter = "filter", filterClear = "filter-clear", sortNext = "sort-next", sortReverse = "sort-reverse"
    // Changing
    case customerAdd = "customer-add", customerEdit = "customer-edit"
    case interactionLog = "interaction-log", transactionAdd = "transaction-add"
    // Duplicates
    case paneDuplicates = "pane-duplicates", dupTakeLeft = "dup-take-left", dupTakeRight = "dup-take-right"
    case dupSurvivor = "dup-survivor", dupMerge = "dup-merge", dupDistinct = "dup-distinct"
    case dupNext = "dup-next", dupPrev = "dup-prev", dupRescan = "dup-rescan", dupUndo = "dup-undo"
    // Forms
    case formSave = "form-save", formCancel = "form-cancel", formNextField = "form-next-field"
    case formPrevField = "form-prev-field", formPick = "form-pick", formPickNext = "form-pick-next"
    case formPickPrev = "form-pick-prev", formClearField = "form-clear-field"
    case conflictKeepMine = "conflict-keep-mine", conflictTakeTheirs = "conflict-take-theirs"
    // Workstation
    case commandLine = "command-line", help = "help", redraw = "redraw", langToggle = "lang-toggle"
    case themeNext = "theme-next", quit = "quit"
}
