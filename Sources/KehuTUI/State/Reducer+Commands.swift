import KehuCore

extension Reducer {
    /// Runs one command of the table. The switch is exhaustive over
    /// `CommandID`, so a new command cannot be added without an action.
    public static func perform(_ s: inout AppState, _ id: CommandID) -> [Effect] {
        let layout = Layout(s)
        switch id {
        case .cursorDown: move(&s, by: 1)
        case .cursorUp: move(&s, by: -1)
        case .pageDown: move(&s, by: page(s, layout))
        case .pageUp: move(&s, by: -page(s, layout))
        case .cursorTop: move(&s, by: Int.min / 2)
        case .cursorBottom: move(&s, by: Int.max / 2)

        case .paneNext, .panePrev:
            s.showHelp = false
            let all = Pane.tabs
            if let i = all.firstIndex(of: s.pane) {
                s.pane = all[(i + (id == .paneNext ? 1 : all.count - 1)) % all.count]
            } else {
                s.pane = .list
            }
        case .paneList: s.showHelp = false; s.pane = .list
        case .paneDetail: s.showHelp = false; s.pane = .detail
        case .paneDashboard: s.showHelp = false; s.pane = .dashboard
        case .paneAgenda: s.showHelp = false; s.pane = .agenda

        case .customerOpen:
            if s.pane == .agenda {
                let items = Agenda.items(s)
                if s.agendaCursor < items.count { open(&s, customer: items[s.agendaCursor].id) }
            } else if s.selectedId != nil {
                s.pane = .detail; s.detailScroll = 0
            } else {
                s.message = (s.t(.needCustomer), true)
            }
        case .agendaScope:
            s.agendaAll.toggle(); s.agendaCursor = 0; s.agendaTop = 0
        case .back:
            if s.showHelp { s.showHelp = false } else { s.pane = .list }

        case .filter:
            s.pane = .list; s.showHelp = false; s.filterEditing = true
        case .filterClear:
            if !s.filter.text.isEmpty { s.filter = LineInput(); s.refilter() }
        case .sortNext:
            let all = ListColumn.allCases
            let next = all[(all.firstIndex(of: s.table.sortColumn)! + 1) % all.count]
            s.table.setSort(next, descending: next == .amount || next == .credit || next == .lastDeal, dictionary: s.snapshot.dictionary, lang: s.lang)
            s.refilter()
        case .sortReverse:
            s.table.setSort(s.table.sortColumn, descending: !s.table.descending, dictionary: s.snapshot.dictionary, lang: s.lang)
            s.refilter()

        case .customerAdd:
            s.form = FormBuilder.newCustomer(s)
        case .customerEdit, .interactionLog, .transactionAdd:
            var target = s.selected
            if s.pane == .agenda {
                let items = Agenda.items(s)
                target = s.agendaCursor < items.count ? s.snapshot.customers[items[s.agendaCursor].id] : nil
            }
            guard let c = target else { s.message = (s.t(.needCustomer), true); break }
            switch id {
            case .customerEdit: s.form = FormBuilder.editCustomer(c, s)
            case .interactionLog: s.form = FormBuilder.interaction(c, s)
            default: s.form = FormBuilder.transaction(c, s)
            }

        case .formSave: return save(&s)
        case .formCancel:
            if let c = s.conflict { s.conflict = nil; s.form = c.form }
            else if s.form != nil { s.form = nil; s.message = (s.t(.formCancelled), false) }
        case .formNextField: focus(&s, by: 1)
        case .formPrevField: focus(&s, by: -1)
        case .formPick:
            guard var f = s.form else { break }
            if case .pick(let opts) = f.focused.kind {
                f.pickCursor = opts.firstIndex { $0.code == f.focused.value } ?? 0
                s.form = f
            } else {
                focus(&s, by: 1)
            }
        case .formPickNext: pick(&s, by: 1)
        case .formPickPrev: pick(&s, by: -1)
        case .formClearField:
            guard var f = s.form else { break }
            if case .pick(let opts) = f.focused.kind, let first = opts.first { f.fields[f.focus].input = LineInput(first.code) }
            else { f.fields[f.focus].input = LineInput() }
            s.form = FormBuilder.validated(f, s.snapshot, user: s.user, clock: s.clock)

        case .conflictKeepMine:
            guard let c = s.conflict, case let .editCustomer(cid, _) = c.form.target else { break }
            var f = c.form
            f.target = .editCustomer(id: cid, base: c.theirVersion)
            s.form = f; s.conflict = nil
            return save(&s)
        case .paneDuplicates, .dupTakeLeft, .dupTakeRight, .dupSurvivor, .dupMerge, .dupDistinct, .dupNext, .dupPrev,
             .dupRescan, .dupUndo:
            return performDuplicates(&s, id)

        case .conflictTakeTheirs:
            s.conflict = nil; s.form = nil
            s.message = (s.t(.formCancelled), false)

        case .commandLine: s.commandLine = LineInput()
        case .help: s.showHelp.toggle(); s.helpScroll = 0
        case .redraw: return [.refresh, .fullRedraw]
        case .langToggle: return setLang(&s, s.lang == .zh ? .en : .zh)
        case .themeNext:
            let i = s.themes.firstIndex(of: s.theme) ?? -1
            s.theme = s.themes[(i + 1) % s.themes.count]
            s.message = (s.t(.themeSwitched, s.theme), false)
            return [.applyTheme(s.theme)]
        case .quit:
            s.quitting = true
            return [.quit]
        }
        return []
    }

    static func page(_ s: AppState, _ layout: Layout) -> Int {
        if s.showHelp { return layout.mainRows }
        switch s.pane {
        case .list: return layout.listRows
        case .detail: return layout.detailRows
        case .dashboard, .agenda, .duplicates: return layout.mainRows
        }
    }

    /// Moves the cursor or scrolls, depending on what is showing.
    static func move(_ s: inout AppState, by n: Int) {
        func clamp(_ v: Int, _ count: Int) -> Int { max(0, min(count - 1, v)) }
        let layout = Layout(s)
        if s.showHelp {
            let total = Help.lines(s.commands, lang: s.lang, width: s.width - 2).count
            s.helpScroll = max(0, min(s.helpScroll.addingClamped(n), total - layout.mainRows))
            return
        }
        switch s.pane {
        case .list: s.select(row: clamp(s.cursor.addingClamped(n), s.visible.count))
        case .detail:
            let total = CustomerDetail.lineCount(s, width: layout.detailWidth)
            s.detailScroll = max(0, min(s.detailScroll.addingClamped(n), total - layout.detailRows))
        case .dashboard:
            let model = s.dashboard ?? s.dashboardSource(s.snapshot, s.lang, s.clock, s.followUps)
            let total = Dashboard.columns(model, width: s.width, lang: s.lang).map(\.count).max() ?? 0
            s.dashboardScroll = max(0, min(s.dashboardScroll.addingClamped(n), total - layout.mainRows))
        case .agenda: s.agendaCursor = clamp(s.agendaCursor.addingClamped(n), Agenda.items(s).count)
        case .duplicates: s.duplicates.row = clamp(s.duplicates.row.addingClamped(n), mergeRows(s).count)
        }
    }
}

extension Int {
    func addingClamped(_ n: Int) -> Int {
        let (r, o) = addingReportingOverflow(n)
        return o ? (n > 0 ? Int.max : Int.min) : r
    }
}
