import KehuCore

extension Reducer {
    /// Keys while a form is open: the pick-list first, then form commands,
    /// then text editing of the focused field.
    static func formKey(_ s: inout AppState, _ key: Key) -> [Effect] {
        guard var f = s.form else { return [] }
        if f.saving { return [] }
        if let pc = f.pickCursor {
            let opts = f.focused.options
            switch key {
            case .down, .char("j"), .tab: f.pickCursor = min(opts.count - 1, pc + 1)
            case .up, .char("k"), .backTab: f.pickCursor = max(0, pc - 1)
            case .pageDown: f.pickCursor = min(opts.count - 1, pc + 10)
            case .pageUp: f.pickCursor = max(0, pc - 10)
            case .enter, .char(" "):
                f.fields[f.focus].input = LineInput(opts[pc].code)
                f.pickCursor = nil
                s.form = FormBuilder.validated(f, s.snapshot, user: s.user, clock: s.clock)
                return []
            case .escape: f.pickCursor = nil
            default: break
            }
            s.form = f
            return []
        }
        if let id = s.commands.command(for: key, in: .form) {
            // ← → move the text cursor in a text field; they pick only in pick-lists.
            if case .text = f.focused.kind, id == .formPickNext || id == .formPickPrev {
                _ = f.fields[f.focus].input.handle(key); s.form = f
                return []
            }
            return perform(&s, id)
        }
        switch f.focused.kind {
        case .text:
            if f.fields[f.focus].input.handle(key) {
                s.form = FormBuilder.validated(f, s.snapshot, user: s.user, clock: s.clock)
            }
        case .pick(let opts):
            // Typing a letter jumps to the next value whose label or its pinyin starts with it.
            guard let c = key.typed else { break }
            let k = SearchText.fold(String(c))
            let start = (opts.firstIndex { $0.code == f.focused.value } ?? -1) + 1
            for step in 0..<opts.count {
                let o = opts[(start + step) % opts.count]
                let label = o.label.text(s.lang)
                if SearchText.fold(label).hasPrefix(k) || Pinyin.full(label).hasPrefix(k) || o.code.hasPrefix(String(c)) {
                    f.fields[f.focus].input = LineInput(o.code)
                    s.form = FormBuilder.validated(f, s.snapshot, user: s.user, clock: s.clock)
                    break
                }
            }
        }
        return []
    }

    static func focus(_ s: inout AppState, by n: Int) {
        guard var f = s.form else { return }
        f.focus = (f.focus + n + f.fields.count) % f.fields.count
        s.form = f
    }

    static func pick(_ s: inout AppState, by n: Int) {
        guard var f = s.form, case .pick(let opts) = f.focused.kind, !opts.isEmpty else { return }
        let i = opts.firstIndex { $0.code == f.focused.value } ?? 0
        f.fields[f.focus].input = LineInput(opts[(i + n + opts.count) % opts.count].code)
        s.form = FormBuilder.validated(f, s.snapshot, user: s.user, clock: s.clock)
    }

    /// Validates and asks for one commit of the form's change.
    static func save(_ s: inout AppState) -> [Effect] {
        guard var f = s.form else { return [] }
        f = FormBuilder.validated(f, s.snapshot, user: s.user, clock: s.clock)
        if !f.errors.isEmpty {
            s.form = f
            if let i = f.fields.firstIndex(where: { f.errors[$0.key] != nil }) { s.form?.focus = i }
            s.message = (s.t(.formErrors, f.errors.count), true)
            return []
        }
        guard let change = FormBuilder.change(f, snapshot: s.snapshot, user: s.user, clock: s.clock) else {
            s.form = nil
            s.message = (s.t(.formNoChanges), false)
            return []
        }
        f.saving = true
        s.form = f
        s.message = (s.t(.formSaving), false)
        return [.commit([change])]
    }
}
