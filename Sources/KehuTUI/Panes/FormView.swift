import KehuCore

/// Draws an open form over the main area: one line per field (label, value,
/// inline error), the focused field highlighted, and the pick-list when open.
enum FormView {
    /// Lines a form needs above its fields (title, hint) and the layout of a field list.
    static let headerLines = 2

    static func labelWidth(_ f: FormState, _ lang: Language) -> Int {
        min(19, (f.fields.map { $0.label.text(lang).displayWidth }.max() ?? 8) + 2)
    }

    static func render(_ s: AppState, _ f: FormState, into g: inout Grid, rect r: Rect) {
        g.fill(x: r.x, y: r.y, width: r.width, height: r.height)
        g.put([Span(" " + f.title.text(s.lang) + " ", .tabActive)], x: r.x, y: r.y, maxWidth: r.width)
        g.put(s.t(.formHint), x: r.x + 1, y: r.y + 1, role: .dim, maxWidth: r.width - 1)
        let lw = labelWidth(f, s.lang)
        let rows = max(1, r.height - headerLines)
        let vw = max(6, min(60, r.width - lw - 4))
        for i in 0..<rows {
            let k = f.scroll + i
            guard k < f.fields.count else { break }
            let field = f.fields[k]
            let y = r.y + headerLines + i
            let focused = k == f.focus
            let label = field.label.text(s.lang) + (field.required ? "*" : "")
            g.put(TextFit.fit(label, lw - 1), x: r.x + 1, y: y, role: focused ? .accent : .label, maxWidth: lw - 1)
            var value = field.display(s.lang)
            if case .pick = field.kind { value = "◀ " + (value.isEmpty ? s.t(.empty) : value) + " ▶" }
            g.put(TextFit.fit(value, vw), x: r.x + 1 + lw, y: y, role: focused ? .inputActive : .input, maxWidth: vw)
            if var err = f.errors[field.key] {
                if err == FormBuilder.requiredMarker { err = s.t(.formRequired) }
                g.put("✗ " + err, x: r.x + 2 + lw + vw, y: y, role: .error, maxWidth: r.width - lw - vw - 3)
            } else if field.changed {
                g.put("•", x: r.x + 2 + lw + vw, y: y, role: .accent)
            }
        }
        if let pc = f.pickCursor { renderPick(s, f.focused, cursor: pc, into: &g, rect: r, x: r.x + 1 + lw, fieldRow: f.focus - f.scroll) }
    }

    /// The terminal cursor position while typing in a text field.
    static func cursor(_ s: AppState, _ f: FormState, rect r: Rect) -> (Int, Int)? {
        guard f.pickCursor == nil, case .text = f.focused.kind else { return nil }
        let lw = labelWidth(f, s.lang)
        let vw = max(6, min(60, r.width - lw - 4))
        let x = r.x + 1 + lw + min(vw - 1, f.focused.input.beforeCursor.displayWidth)
        return (x, r.y + headerLines + f.focus - f.scroll)
    }

    static func renderPick(_ s: AppState, _ field: FormField, cursor: Int, into g: inout Grid, rect r: Rect, x: Int, fieldRow: Int) {
        let opts = field.options
        let w = min(r.width - x - 1, max(16, (opts.map { $0.label.text(s.lang).displayWidth }.max() ?? 8) + 4))
        let h = min(opts.count, max(3, r.height - headerLines - 2))
        var top = r.y + headerLines + fieldRow + 1
        if top + h + 1 > r.y + r.height { top = max(r.y + headerLines, r.y + r.height - h - 1) }
        let first = max(0, min(cursor - h + 1, opts.count - h))
        g.fill(x: x, y: top, width: w, height: h + 1, role: .border)
        for i in 0..<h {
            let k = first + i
            let label = opts[k].label.text(s.lang)
            g.put(" " + TextFit.fit(label.isEmpty ? s.t(.empty) : label, w - 2) + " ", x: x, y: top + i, role: k == cursor ? .selected : .border, maxWidth: w)
        }
        g.put(s.t(.formPickHint), x: x, y: top + h, role: .dim, maxWidth: w)
    }
}

/// The conflict screen: the fields I changed, my value and the current one side by side.
enum ConflictView {
    static func render(_ s: AppState, _ c: ConflictState, into g: inout Grid, rect r: Rect) {
        g.fill(x: r.x, y: r.y, width: r.width, height: r.height)
        g.put(" " + s.t(.conflictTitle, c.by ?? "?") + " ", x: r.x, y: r.y, role: .error, maxWidth: r.width)
        g.put(s.t(.conflictHint), x: r.x + 1, y: r.y + 1, role: .dim, maxWidth: r.width - 1)
        let lw = 14
        let vw = max(8, (r.width - lw - 4) / 2)
        g.put(TextFit.fit(s.t(.conflictField), lw) + " " + TextFit.fit(s.t(.conflictMine), vw) + " " + TextFit.fit(s.t(.conflictTheirs), vw),
              x: r.x + 1, y: r.y + 3, role: .header, maxWidth: r.width - 1)
        var y = r.y + 4
        for f in c.form.fields where y < r.y + r.height {
            guard let cf = CustomerField(rawValue: f.key) else { continue }
            let theirs = FormBuilder.formValue(c.theirs, cf)
            guard f.changed || theirs != f.original else { continue }
            let differs = theirs != f.value
            let mine = f.display(s.lang), theirText = FormField(key: f.key, label: f.label, kind: f.kind, value: theirs).display(s.lang)
            g.put([Span(TextFit.fit(f.label.text(s.lang), lw) + " ", .label),
                   Span(TextFit.fit(mine, vw) + " ", differs ? .warning : .normal),
                   Span(TextFit.fit(theirText, vw), differs ? .accent : .normal)], x: r.x + 1, y: y, maxWidth: r.width - 1)
            y += 1
        }
    }
}
