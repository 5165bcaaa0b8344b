import KehuCore

/// Where a key binding applies. `global` bindings work in every pane but not
/// while text is being typed (`form`, `input`), where keys type themselves.
public enum KeyContext: String, CaseIterable, Sendable {
    case global, list, detail, dashboard, agenda, duplicates, help, form, conflict

    public var label: Label {
        switch self {
        case .global: return Label(zh: "全局", en: "Everywhere")
        case .list: return Label(zh: "客户列表", en: "Customer list")
        case .detail: return Label(zh: "客户视图", en: "Customer view")
        case .dashboard: return Label(zh: "仪表盘", en: "Dashboard")
        case .agenda: return Label(zh: "跟进日程", en: "Agenda")
        case .duplicates: return Label(zh: "重复客户", en: "Duplicates")
        case .help: return Label(zh: "帮助", en: "Help")
        case .form: return Label(zh: "表单", en: "Form")
        case .conflict: return Label(zh: "冲突", en: "Conflict")
        }
    }

    /// Contexts whose keys are looked up before `global` ones.
    public var isPane: Bool { self != .global && self != .form && self != .conflict }
}

/// The group a command is listed under on the help screen.
public enum CommandGroup: String, CaseIterable, Sendable {
    case move, panes, find, change, duplicates, form, workstation

    public var label: Label {
        switch self {
        case .move: return Label(zh: "移动", en: "Moving")
        case .panes: return Label(zh: "窗格", en: "Panes")
        case .find: return Label(zh: "查找与排序", en: "Finding and sorting")
        case .change: return Label(zh: "修改", en: "Changing")
        case .duplicates: return Label(zh: "重复客户与合并", en: "Duplicates and merging")
        case .form: return Label(zh: "表单", en: "Forms")
        case .workstation: return Label(zh: "工作台", en: "Workstation")
        }
    }
}

/// One key bound to a command in a context.
public struct KeyBinding: Hashable, Sendable {
    public var key: Key
    public var context: KeyContext
    public init(_ key: Key, _ context: KeyContext) { self.key = key; self.context = context }
}

/// One row of the command table: id, group, help text in both languages, and
/// its default key bindings (data, checked for conflicts by `CommandTable`).
public struct Command: Sendable {
    public var id: CommandID
    public var group: CommandGroup
    public var help: Label
    public var bindings: [KeyBinding]

    public init(_ id: CommandID, _ group: CommandGroup, zh: String, en: String, _ bindings: [KeyBinding]) {
        self.id = id; self.group = group; self.help = Label(zh: zh, en: en); self.bindings = bindings
    }
}
