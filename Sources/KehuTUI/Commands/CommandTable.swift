import KehuCore

/// The one table of commands: every action with its help text in both
/// languages. Key bindings are data (`defaultBindings`, the `kehu` analogue of
/// tig's `bind generic q view-close`), parsed and checked for conflicts when
/// the table is built. The help screen, `:` completion and `docs/keys.md` are
/// all generated from it.
public struct CommandTable: Sendable {
    public let commands: [Command]
    /// (context, key) → command.
    public let lookup: [KeyBinding: CommandID]
    /// Problems found while building (unknown ids or keys, conflicts); empty for the defaults.
    public let problems: [String]

    public static let standard = CommandTable(bindings: defaultBindings)

    static let rows: [(CommandID, CommandGroup, String, String)] = [
        (.cursorDown, .move, "下移一行", "Move down one line"),
        (.cursorUp, .move, "上移一行", "Move up one line"),
        (.pageDown, .move, "下翻一页", "Page down"),
        (.pageUp, .move, "上翻一页", "Page up"),
        (.cursorTop, .move, "到开头", "Go to the top"),
        (.cursorBottom, .move, "到末尾", "Go to the bottom"),
        (.paneNext, .panes, "下一个窗格", "Next pane"),
        (.panePrev, .panes, "上一个窗格", "Previous pane"),
        (.paneList, .panes, "客户列表", "Customer list"),
        (.paneDetail, .panes, "客户视图", "Customer view"),
        (.paneDashboard, .panes, "仪表盘", "Dashboard"),
        (.paneAgenda, .panes, "跟进日程", "Follow-up agenda"),
        (.customerOpen, .panes, "打开所选客户", "Open the selected customer"),
        (.back, .panes, "返回", "Go back"),
        (.agendaScope, .panes, "日程:只看我的 / 全部", "Agenda: mine only / everyone's"),
        (.filter, .find, "筛选(名称、拼音、联系人、电话、邮箱、标签)", "Filter (name, pinyin, contacts, phone, email, tags)"),
        (.filterClear, .find, "清除筛选", "Clear the filter"),
        (.sortNext, .find, "按下一列排序", "Sort by the next column"),
        (.sortReverse, .find, "反向排序", "Reverse the sort order"),
        (.customerAdd, .change, "新建客户", "Add a customer"),
        (.customerEdit, .change, "编辑客户", "Edit the customer"),
        (.interactionLog, .change, "记录联系(渠道、内容)", "Log an interaction (channel, note)"),
        (.transactionAdd, .change, "记录交易", "Record a transaction"),
        (.paneDuplicates, .duplicates, "重复客户(审核与合并)", "Duplicates (review and merge)"),
        (.dupTakeLeft, .duplicates, "取左边的值", "Take the left value"),
        (.dupTakeRight, .duplicates, "取右边的值", "Take the right value"),
        (.dupSurvivor, .duplicates, "换保留的一方", "Swap which customer is kept"),
        (.dupMerge, .duplicates, "合并(可撤销:u 或 kehu unmerge)", "Merge (undo: u, or kehu unmerge)"),
        (.dupDistinct, .duplicates, "不是重复(会记住,不再提示)", "Not a duplicate (remembered)"),
        (.dupNext, .duplicates, "下一对(跳过)", "Next pair (skip)"),
        (.dupPrev, .duplicates, "上一对", "Previous pair"),
        (.dupRescan, .duplicates, "重新查找重复客户", "Find duplicates again"),
        (.dupUndo, .duplicates, "撤销刚才的合并", "Undo the last merge"),
        (.formSave, .form, "保存", "Save"),
        (.formCancel, .form, "取消,不保存", "Cancel without saving"),
        (.formNextField, .form, "下一个字段", "Next field"),
        (.formPrevField, .form, "上一个字段", "Previous field"),
        (.formPick, .form, "打开选择列表", "Open the pick-list"),
        (.formPickNext, .form, "选择下一个值", "Pick the next value"),
        (.formPickPrev, .form, "选择上一个值", "Pick the previous value"),
        (.formClearField, .form, "清空字段", "Clear the field"),
        (.conflictKeepMine, .form, "冲突:保留我的修改", "Conflict: keep my changes"),
        (.conflictTakeTheirs, .form, "冲突:采用对方的版本", "Conflict: take their version"),
        (.commandLine, .workstation, "命令行", "Command line"),
        (.help, .workstation, "帮助", "Help"),
        (.redraw, .workstation, "重新读取并重绘", "Reload and redraw"),
        (.langToggle, .workstation, "切换中文/English", "Switch 中文/English"),
        (.themeNext, .workstation, "切换主题", "Next theme"),
        (.quit, .workstation, "退出", "Quit"),
    ]

    /// Default bindings: `context keys… command`, one line each.
    public static let defaultBindings = """
    list       j ↓            cursor-down
    list       k ↑            cursor-up
    list       PgDn Ctrl-F Space page-down
    list       PgUp Ctrl-B    page-up
    list       g Home         cursor-top
    list       G End          cursor-bottom
    detail     j ↓            cursor-down
    detail     k ↑            cursor-up
    detail     PgDn Ctrl-F Space page-down
    detail     PgUp Ctrl-B    page-up
    detail     g Home         cursor-top
    detail     G End          cursor-bottom
    dashboard  j ↓            cursor-down
    dashboard  k ↑            cursor-up
    dashboard  PgDn Space     page-down
    dashboard  PgUp           page-up
    dashboard  g Home         cursor-top
    dashboard  G End          cursor-bottom
    agenda     j ↓            cursor-down
    agenda     k ↑            cursor-up
    agenda     PgDn Space     page-down
    agenda     PgUp           page-up
    agenda     g Home         cursor-top
    agenda     G End          cursor-bottom
    duplicates j ↓            cursor-down
    duplicates k ↑            cursor-up
    duplicates g Home         cursor-top
    duplicates G End          cursor-bottom
    help       j ↓            cursor-down
    help       k ↑            cursor-up
    help       PgDn Space     page-down
    help       PgUp           page-up
    help       g Home         cursor-top
    help       G End          cursor-bottom
    global     Tab            pane-next
    global     Shift-Tab      pane-prev
    global     1              pane-list
    global     2              pane-detail
    global     3              pane-dashboard
    global     4              pane-agenda
    list       Enter l →      customer-open
    agenda     Enter l →      customer-open
    detail     Esc h ←        back
    dashboard  Esc            back
    agenda     Esc            back
    duplicates Esc            back
    help       Esc q ?        back
    list       /              filter
    detail     /              filter
    list       Esc            filter-clear
    list       s              sort-next
    list       S              sort-reverse
    list       a              customer-add
    detail     a              customer-add
    list       e              customer-edit
    detail     e              customer-edit
    list       i              interaction-log
    detail     i              interaction-log
    agenda     i              interaction-log
    agenda     m              agenda-scope
    list       t              transaction-add
    detail     t              transaction-add
    global     D              pane-duplicates
    duplicates ← h            dup-take-left
    duplicates → l            dup-take-right
    duplicates s              dup-survivor
    duplicates m              dup-merge
    duplicates n              dup-distinct
    duplicates PgDn Space ]   dup-next
    duplicates PgUp [         dup-prev
    duplicates r              dup-rescan
    duplicates u              dup-undo
    form       Ctrl-S F2      form-save
    form       Esc            form-cancel
    form       Tab ↓          form-next-field
    form       Shift-Tab ↑    form-prev-field
    form       Enter          form-pick
    form       →              form-pick-next
    form       ←              form-pick-prev
    form       Ctrl-U         form-clear-field
    conflict   o              conflict-keep-mine
    conflict   t              conflict-take-theirs
    conflict   Esc            form-cancel
    global     :              command-line
    global     ?              help
    global     Ctrl-L         redraw
    global     L              lang-toggle
    global     T              theme-next
    global     q Ctrl-C       quit
    """

    public init(bindings text: String) {
        var problems: [String] = []
        var lookup: [KeyBinding: CommandID] = [:]
        var byId: [CommandID: [KeyBinding]] = [:]
        for (n, raw) in text.split(separator: "\n").enumerated() {
            let parts = raw.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard parts.count >= 3 else { if !parts.isEmpty { problems.append("binding line \(n + 1): expected CONTEXT KEY… COMMAND") }; continue }
            guard let ctx = KeyContext(rawValue: parts[0]) else { problems.append("binding line \(n + 1): unknown context '\(parts[0])'"); continue }
            guard let id = CommandID(rawValue: parts[parts.count - 1]) else { problems.append("binding line \(n + 1): unknown command '\(parts.last!)'"); continue }
            for name in parts[1..<(parts.count - 1)] {
                guard let key = Key(name: name) else { problems.append("binding line \(n + 1): unknown key '\(name)'"); continue }
                let b = KeyBinding(key, ctx)
                if let other = lookup[b], other != id {
                    problems.append("binding line \(n + 1): \(name) in \(ctx.rawValue) is already bound to \(other.rawValue)")
                    continue
                }
                lookup[b] = id
                byId[id, default: []].append(b)
            }
        }
        // A pane binding hides a global one for the same key: allowed only when deliberate
        // (same command, or a pane that gives the key a local meaning listed here).
        let shadowOK: Set<Key> = [.char("q"), .escape, .char("?")]
        for (b, id) in lookup where b.context == .global {
            for ctx in KeyContext.allCases where ctx.isPane {
                if let local = lookup[KeyBinding(b.key, ctx)], local != id, !shadowOK.contains(b.key) {
                    problems.append("\(b.key) is bound to \(id.rawValue) everywhere but to \(local.rawValue) in \(ctx.rawValue)")
                }
            }
        }
        self.commands = CommandTable.rows.map { Command($0.0, $0.1, zh: $0.2, en: $0.3, byId[$0.0] ?? []) }
        self.lookup = lookup
        self.problems = problems
    }

    /// The command a key runs in a context: the context's own binding, else the
    /// global one (except in forms, where keys type text).
    public func command(for key: Key, in context: KeyContext) -> CommandID? {
        if let id = lookup[KeyBinding(key, context)] { return id }
        if context == .form || context == .conflict { return nil }
        return lookup[KeyBinding(key, .global)]
    }

    public func command(_ id: CommandID) -> Command { commands.first { $0.id == id }! }

    /// The keys of a command, for hints ("e Edit").
    public func keys(_ id: CommandID, in context: KeyContext? = nil) -> [Key] {
        command(id).bindings.filter { context == nil || $0.context == context || $0.context == .global }.map(\.key)
    }
}
