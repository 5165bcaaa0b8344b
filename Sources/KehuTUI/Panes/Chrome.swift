import KehuCore

/// The frame around the panes: the tab bar on top, the status line and the
/// key hints (from the command table) at the bottom.
enum Chrome {
    static func tabs(_ s: AppState, into g: inout Grid) {
        g.fill(x: 0, y: 0, width: g.width, height: 1, role: .tabInactive)
        var x = g.put(" " + s.t(.appTitle) + " ", x: 0, y: 0, role: .title)
        for (i, p) in Pane.tabs.enumerated() {
            let active = p == s.pane || (s.sideBySide && (p == .list || p == .detail) && (s.pane == .list || s.pane == .detail) && p == s.pane)
            x += g.put(" \(i + 1) " + s.t(p.title) + " ", x: x, y: 0, role: active ? .tabActive : .tabInactive)
        }
        // A pane opened by its command shows as one more tab while it is open, under its key.
        if !Pane.tabs.contains(s.pane), let key = s.commands.keys(.paneDuplicates).first {
            x += g.put(" \(key) " + s.t(s.pane.title) + " ", x: x, y: 0, role: .tabActive)
        }
        let right = "\(s.user)@\(s.storeName) \(s.clock.today) "
        let w = right.displayWidth
        if g.width - w > x + 1 { g.put(right, x: g.width - w, y: 0, role: .tabInactive) }
    }

    static func status(_ s: AppState, into g: inout Grid) -> (Int, Int)? {
        let y = g.height - 2
        g.fill(x: 0, y: y, width: g.width, height: 1, role: .status)
        if let cl = s.commandLine {
            g.put(":" + cl.text, x: 0, y: y, role: .input)
            let hint = "  " + s.t(.commandHint)
            let used = 1 + cl.text.displayWidth
            if used + hint.displayWidth < g.width { g.put(hint, x: used, y: y, role: .dim) }
            return (min(g.width - 1, 1 + cl.beforeCursor.displayWidth), y)
        }
        if s.filterEditing {
            let p = s.t(.filterPrompt)
            g.put(p + s.filter.text, x: 0, y: y, role: .input)
            return (min(g.width - 1, p.displayWidth + s.filter.beforeCursor.displayWidth), y)
        }
        if let m = s.message {
            g.put(m.text, x: 0, y: y, role: m.isError ? .error : .message)
        }
        return nil
    }

    /// The most useful keys of the current context, from the command table.
    static func hints(_ s: AppState, into g: inout Grid) {
        let y = g.height - 1
        g.fill(x: 0, y: y, width: g.width, height: 1, role: .status)
        let ids: [CommandID]
        switch s.keyContext {
        case .list: ids = [.customerOpen, .filter, .sortNext, .customerAdd, .customerEdit, .interactionLog, .transactionAdd, .paneNext, .help, .quit]
        case .detail: ids = [.back, .cursorDown, .customerEdit, .interactionLog, .transactionAdd, .paneNext, .help, .quit]
        case .dashboard: ids = [.cursorDown, .paneNext, .help, .quit]
        case .agenda: ids = [.customerOpen, .agendaScope, .interactionLog, .paneNext, .help, .quit]
        case .duplicates: ids = [.dupMerge, .dupDistinct, .dupTakeLeft, .dupTakeRight, .dupNext, .dupSurvivor, .back, .help]
        case .help: ids = [.cursorDown, .back]
        case .form: ids = [.formSave, .formCancel, .formNextField, .formPick]
        case .conflict: ids = [.conflictKeepMine, .conflictTakeTheirs, .formCancel]
        case .global: ids = []
        }
        var spans: [Span] = []
        for id in ids {
            let keys = s.commands.keys(id, in: s.keyContext)
            guard let k = keys.first else { continue }
            let c = s.commands.command(id)
            spans.append(Span(k.description, .statusKey))
            spans.append(Span(" " + shortHelp(c, s.lang) + "  ", .status))
        }
        g.put(spans, x: 0, y: y, maxWidth: g.width)
    }

    /// The help text up to its first bracket, for the hint line.
    static func shortHelp(_ c: Command, _ lang: Language) -> String {
        let h = c.help.text(lang)
        if let i = h.firstIndex(where: { $0 == "(" || $0 == "(" }) { return String(h[..<i]).trimmingTrailingSpaces() }
        return h
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
