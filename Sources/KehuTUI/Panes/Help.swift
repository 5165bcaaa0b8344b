import KehuCore

/// The help screen, generated from the command table: per group, each
/// command's id, its keys (with where they apply) and its help text in the UI
/// language. `docs/keys.md` is made from the same lines (`markdown`).
enum Help {
    static func lines(_ table: CommandTable, lang: Language, width: Int) -> [[Span]] {
        var out: [[Span]] = []
        let idW = (CommandID.allCases.map { $0.rawValue.count }.max() ?? 20) + 1
        for group in CommandGroup.allCases {
            let cmds = table.commands.filter { $0.group == group }
            guard !cmds.isEmpty else { continue }
            if !out.isEmpty { out.append([]) }
            out.append([Span("▌" + group.label.text(lang), .title)])
            for c in cmds {
                let keys = keyText(c, lang: lang)
                out.append([Span(TextFit.fit(keys, 22) + " ", .statusKey), Span(TextFit.fit(c.id.rawValue, idW) + " ", .dim),
                            Span(c.help.text(lang))])
            }
        }
        out.append([])
        out.append([Span(Catalog.text(.helpFooter, lang), .dim)])
        return out
    }

    /// `j ↓ (list, customer view)` — keys grouped by the contexts they work in.
    static func keyText(_ c: Command, lang: Language) -> String {
        var byKeys: [(String, [KeyContext])] = []
        for b in c.bindings {
            let k = b.key.description
            if let i = byKeys.firstIndex(where: { $0.0 == k }) { byKeys[i].1.append(b.context) } else { byKeys.append((k, [b.context])) }
        }
        // Keys that work in the same contexts are listed together.
        var groups: [([KeyContext], [String])] = []
        for (k, ctxs) in byKeys {
            if let i = groups.firstIndex(where: { $0.0 == ctxs }) { groups[i].1.append(k) } else { groups.append((ctxs, [k])) }
        }
        return groups.map { $0.1.joined(separator: " ") }.joined(separator: " / ")
    }

    static func render(_ s: AppState, into g: inout Grid, rect r: Rect) {
        g.fill(x: r.x, y: r.y, width: r.width, height: r.height)
        g.put(" " + s.t(.helpTitle) + " ", x: r.x, y: r.y, role: .tabActive, maxWidth: r.width)
        let all = lines(s.commands, lang: s.lang, width: r.width - 2)
        let visible = max(1, r.height - 1)
        let top = max(0, min(s.helpScroll, all.count - visible))
        for i in 0..<visible where top + i < all.count {
            g.put(all[top + i], x: r.x + 1, y: r.y + 1 + i, maxWidth: r.width - 2)
        }
    }

    /// `docs/keys.md`: the command table as Markdown, in both languages.
    public static func markdown(_ table: CommandTable) -> String {
        var md = "# Keys and commands · 按键与命令\n\nGenerated from the command table (`Sources/KehuTUI/Commands/CommandTable.swift`)"
        md += " by `KEHU_WRITE_DOCS=1 swift test --filter GeneratedFilesTests`; do not edit by hand.\n"
        md += "Every command can also be run by name from the `:` command line.\n"
        for group in CommandGroup.allCases {
            let cmds = table.commands.filter { $0.group == group }
            guard !cmds.isEmpty else { continue }
            md += "\n## \(group.label.en) · \(group.label.zh)\n\n| Command | Keys (where) | Help | 说明 |\n|---|---|---|---|\n"
            for c in cmds {
                // Contexts that share the same keys are listed together.
                var byCtx: [(KeyContext, [String])] = []
                for b in c.bindings {
                    if let i = byCtx.firstIndex(where: { $0.0 == b.context }) { byCtx[i].1.append(b.key.description) } else { byCtx.append((b.context, [b.key.description])) }
                }
                var byKeys: [([String], [KeyContext])] = []
                for (ctx, keys) in byCtx {
                    if let i = byKeys.firstIndex(where: { $0.0 == keys }) { byKeys[i].1.append(ctx) } else { byKeys.append((keys, [ctx])) }
                }
                let keys = byKeys.map { ks, ctxs in
                    ks.map { "`\($0)`" }.joined(separator: " ") + " (" + ctxs.map(\.label.en).joined(separator: ", ") + ")"
                }.joined(separator: "; ")
                md += "| `\(c.id.rawValue)` | \(keys.isEmpty ? "—" : keys) | \(c.help.en) | \(c.help.zh) |\n"
            }
        }
        md += "\n## Command line · 命令行\n\n"
        md += "Besides the ids above, `:` takes: `:q` (quit), `:sort COLUMN` (\(ListColumn.allCases.map(\.rawValue).joined(separator: ", "))), "
        md += "`:filter TEXT`, `:goto ID`, `:lang zh|en`, `:theme NAME`.\n"
        return md
    }
}
