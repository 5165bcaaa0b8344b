import KehuCore

/// The workstation's logic: `(state, action) → (state, effects)`, pure.
///
/// Keys are looked up in the command table for the current context and run as
/// commands (`perform`); text fields (filter, command line, forms) take the keys
/// the table leaves them. Effects say what the runtime must do (commit, redraw,
/// quit); the reducer never touches the store or the terminal.
public enum Reducer {
    public static func reduce(_ state: AppState, _ action: Action) -> (AppState, [Effect]) {
        var s = state
        let effects = reduce(&s, action)
        return (s, effects)
    }

    public static func reduce(_ s: inout AppState, _ action: Action) -> [Effect] {
        var effects: [Effect] = []
        switch action {
        case .key(let key):
            // A message stays until the next key; a key that sets one shows it.
            s.message = nil
            effects = handleKey(&s, key)
        case let .resize(w, h):
            s.width = w; s.height = h
            effects = [.fullRedraw]
        case .tick(let now):
            s.clock.now = now
        case let .storeChanged(snap, changed):
            load(&s, snap, changed: changed)
            if s.message == nil { s.message = (s.t(.storeReloaded), false) }
            if let f = s.form, case let .editCustomer(id, base) = f.target, let cur = snap.customers[id], cur.version != base {
                s.message = (s.t(.formChangedMeanwhile, snap.lastChangedBy["customer/" + id] ?? "?"), true)
            }
        case let .committed(snap, ids):
            load(&s, snap, changed: nil)
            if case .newCustomer = s.form?.target, let id = ids.first, s.table.position[id] != nil {
                s.filter = LineInput(); s.narrowing.reset(); s.selectedId = id; s.refilter()
            }
            let target = s.form?.target
            s.form = nil; s.conflict = nil
            s.message = (s.t(.formSaved, ids.joined(separator: ", ")), false)
            // Show what was just recorded: the timeline or the purchase history.
            switch target {
            case .interaction(let cid)?: reveal(&s, customer: cid, section: .sectionInteractions)
            case .transaction(let cid)?: reveal(&s, customer: cid, section: .sectionPurchases)
            default: break
            }
            duplicatesCommitted(&s)
        case let .commitFailed(snap, message, conflict):
            load(&s, snap, changed: nil)
            s.duplicates.pending = nil
            if conflict, let f = s.conflict?.form ?? s.form, case let .editCustomer(id, _) = f.target, let theirs = snap.customers[id] {
                var form = f; form.saving = false
                s.conflict = ConflictState(form: form, theirs: theirs, theirVersion: theirs.version, by: snap.lastChangedBy["customer/" + id])
                s.form = form
            } else {
                s.form?.saving = false
                s.message = (s.t(.saveFailed, message), true)
            }
        case .duplicatesFound(let scan):
            duplicatesFound(&s, scan)
        }
        settle(&s)
        return effects
    }

    /// Takes a new snapshot: rows of changed customers (or all), follow-ups, the filter; keeps the selection.
    static func load(_ s: inout AppState, _ snap: Snapshot, changed: Set<String>?) {
        s.snapshot = snap
        s.followUps = s.followUpSource(snap, s.clock)
        s.dashboard = nil
        if let changed, s.table.update(changed, from: snap, followUps: s.followUps, lang: s.lang) {
            // updated in place
        } else {
            s.table = CustomerTable(snap, followUps: s.followUps, sort: s.table.sortColumn, descending: s.table.descending, lang: s.lang)
        }
        s.narrowing.reset()
        s.refilter()
        s.duplicates.prune(snap)
    }

    /// Keeps scroll positions consistent with the cursor and the screen size.
    static func settle(_ s: inout AppState) {
        let layout = Layout(s)
        let rows = layout.listRows
        if s.cursor < s.listTop { s.listTop = s.cursor }
        if s.cursor >= s.listTop + rows { s.listTop = s.cursor - rows + 1 }
        s.listTop = max(0, min(s.listTop, max(0, s.visible.count - rows)))
        if s.pane == .agenda {
            let agendaCount = Agenda.items(s).count
            s.agendaCursor = max(0, min(s.agendaCursor, agendaCount - 1))
            let arows = max(1, layout.main.height - 2)
            if s.agendaCursor < s.agendaTop { s.agendaTop = s.agendaCursor }
            if s.agendaCursor >= s.agendaTop + arows { s.agendaTop = s.agendaCursor - arows + 1 }
        }
        if var f = s.form {
            let frows = max(1, layout.main.height - FormView.headerLines)
            if f.focus < f.scroll { f.scroll = f.focus }
            if f.focus >= f.scroll + frows { f.scroll = f.focus - frows + 1 }
            s.form = f
        }
        if s.pane == .duplicates { settleDuplicates(&s, layout) }
        if s.pane == .dashboard && s.dashboard == nil && s.form == nil && !s.showHelp {
            s.dashboard = s.dashboardSource(s.snapshot, s.lang, s.clock, s.followUps)
        }
    }

    // MARK: - Keys

    static func handleKey(_ s: inout AppState, _ key: Key) -> [Effect] {
        if key == .ctrl("c") { return perform(&s, .quit) }
        if s.commandLine != nil { return commandLineKey(&s, key) }
        if s.filterEditing { return filterKey(&s, key) }
        if s.form != nil && s.conflict == nil { return formKey(&s, key) }
        if let id = s.commands.command(for: key, in: s.keyContext) { return perform(&s, id) }
        return []
    }

    static func filterKey(_ s: inout AppState, _ key: Key) -> [Effect] {
        switch key {
        case .enter: s.filterEditing = false
        case .escape: s.filterEditing = false; s.filter = LineInput(); s.refilter()
        case .down: s.select(row: s.cursor + 1)
        case .up: s.select(row: s.cursor - 1)
        case .pageDown: s.select(row: s.cursor + Layout(s).listRows)
        case .pageUp: s.select(row: s.cursor - Layout(s).listRows)
        default:
            let before = s.filter.text
            if s.filter.handle(key), s.filter.text != before { s.refilter() }
        }
        return []
    }

    static func commandLineKey(_ s: inout AppState, _ key: Key) -> [Effect] {
        switch key {
        case .escape: s.commandLine = nil
        case .enter:
            let text = s.commandLine?.text ?? ""
            s.commandLine = nil
            return runCommandLine(&s, text)
        case .tab:
            let text = s.commandLine?.text ?? ""
            let matches = CommandLine.completions(text)
            if matches.count == 1 { s.commandLine = LineInput(matches[0] + " ") }
            else if !matches.isEmpty {
                s.commandLine = LineInput(CommandLine.commonPrefix(matches))
                s.message = (matches.joined(separator: " "), false)
            }
        case .backspace where (s.commandLine?.text.isEmpty ?? true):
            s.commandLine = nil
        default:
            _ = s.commandLine?.handle(key)
        }
        return []
    }

    static func runCommandLine(_ s: inout AppState, _ text: String) -> [Effect] {
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard let name = words.first else { return [] }
        let arg = words.count > 1 ? words[1].trimmingSpaces() : ""
        switch CommandLine.parse(name: name, arg: arg) {
        case .command(let id): return perform(&s, id)
        case .sort(let col):
            s.table.setSort(col, descending: s.table.sortColumn == col ? !s.table.descending : false, dictionary: s.snapshot.dictionary, lang: s.lang)
            s.refilter()
        case .filter(let q):
            s.pane = .list; s.filter = LineInput(q); s.refilter()
        case .goto(let ref):
            if let c = s.snapshot.customer(ref) { open(&s, customer: c.id) } else { s.message = (s.t(.unknownCommand, text), true) }
        case .lang(let l):
            return setLang(&s, l)
        case .theme(let name):
            guard s.themes.contains(name) else { s.message = (s.t(.unknownCommand, text), true); return [] }
            s.theme = name; s.message = (s.t(.themeSwitched, name), false)
            return [.applyTheme(name)]
        case .unknown:
            s.message = (s.t(.unknownCommand, text), true)
        }
        return []
    }

    static func setLang(_ s: inout AppState, _ l: Language) -> [Effect] {
        s.lang = l
        s.dashboard = nil
        s.table.setSort(s.table.sortColumn, descending: s.table.descending, dictionary: s.snapshot.dictionary, lang: l)
        s.refilter()
        s.message = (s.t(.langSwitched), false)
        return [.fullRedraw]
    }

    /// Opens a customer's view scrolled to one of its sections.
    static func reveal(_ s: inout AppState, customer id: String, section: Msg) {
        guard let c = s.snapshot.customers[id] else { return }
        if s.selectedId != id { open(&s, customer: id) }
        s.pane = .detail
        let layout = Layout(s)
        let lines = DetailModel.lines(c, state: s, width: layout.detailWidth - 1)
        let title = "▌" + s.t(section)
        if let i = lines.firstIndex(where: { $0.first?.text.hasPrefix(title) == true }) {
            s.detailScroll = max(0, min(i, lines.count - layout.detailRows))
        }
    }

    /// Selects a customer (clearing a filter that hides it) and shows its view.
    static func open(_ s: inout AppState, customer id: String) {
        if s.table.position[id].map({ !s.visible.contains(Int32($0)) }) ?? false {
            s.filter = LineInput(); s.narrowing.reset()
        }
        s.selectedId = id
        s.refilter()
        s.detailScroll = 0
        s.pane = .detail
        s.showHelp = false
    }
}
