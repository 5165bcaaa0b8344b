import KehuCore

/// Which field each column of a file fills.
///
/// A header is matched, in order, by `--map SRC=FIELD`, then by field key, label
/// (客户名称, 所属区域 …) or synonym (`CustomerField.named`, `ImportKind.childField`).
/// For customers an unknown header becomes the custom field `custom.HEADER`
/// (refused with `--strict`); for the other kinds, which have no custom
/// fields, it is refused. Columns that only exports write (createdAt, updatedAt,
/// an `id` of a contact, transaction or interaction) are ignored.
public struct ColumnMap: Sendable, Equatable {
    public enum Target: Hashable, Sendable {
        /// A field key (`name`, `region`, `custom.税号`, `customer`, `amount` …).
        case field(String)
        case ignored
    }

    public var targets: [Target]
    /// Notes for the summary (`custom field 税号 from column 12`).
    public var notes: [String] = []

    /// The column that fills `field`, if any.
    public func column(_ field: String) -> Int? {
        targets.firstIndex(of: .field(field))
    }

    /// - Throws: `ImportError.columns` naming every problem (unknown or doubled columns, bad `--map`).
    public init(header: [String], kind: ImportKind, maps: [String: String] = [:], strict: Bool = false, source: String) throws {
        var problems: [String] = []
        var targets: [Target] = []
        var notes: [String] = []
        var used: [String: Int] = [:]
        for (i, raw) in header.enumerated() {
            let h = raw.trimmingCharacters(in: .whitespaces)
            let col = "column \(i + 1) '\(h)'"
            var target: Target?
            if let m = maps[h] ?? maps.first(where: { Normalize.key($0.key) == Normalize.key(h) })?.value {
                if ["-", "ignore", "skip", ""].contains(m) { target = .ignored }
                else if let f = ColumnMap.field(m, kind: kind, custom: true) { target = .field(f) }
                else { problems.append("--map \(h)=\(m): \(kind.rawValue) have no field '\(m)'") ; target = .ignored }
            } else if h.isEmpty {
                target = .ignored
            } else if let f = ColumnMap.field(h, kind: kind, custom: false) {
                target = .field(f)
            } else if ColumnMap.exportOnly(h, kind: kind) {
                target = .ignored
            } else if kind == .customers && !strict {
                let name = h.hasPrefix("custom.") ? String(h.dropFirst(7)) : h
                target = .field("custom." + name)
                notes.append("\(col) → custom field '\(name)'")
            } else {
                let allowed = kind == .customers ? "" : " (\(kind.rawValue) have no custom fields)"
                problems.append("\(col): unknown column\(allowed); known: \(kind.columns.joined(separator: ", ")); use --map '\(h)=FIELD'")
                target = .ignored
            }
            if case .field(let f)? = target {
                if let other = used[f] { problems.append("\(col): '\(f)' is already filled by column \(other + 1) '\(header[other])'") }
                else { used[f] = i }
            }
            targets.append(target ?? .ignored)
        }
        if kind != .customers, used["customer"] == nil {
            problems.append("no customer column (customer, 客户编号): each row must name its customer by external id or id")
        }
        if kind == .customers, used["name"] == nil, used["externalId"] == nil {
            problems.append("no name column (name, 客户名称)")
        }
        guard problems.isEmpty else { throw ImportError.columns(path: source, problems: problems) }
        self.targets = targets
        self.notes = notes
    }

    /// The field key a header or `--map` target names, or nil.
    static func field(_ text: String, kind: ImportKind, custom: Bool = false) -> String? {
        switch kind {
        case .customers:
            if text.hasPrefix("custom.") && text.count > 7 { return text }
            guard let f = CustomerField.named(text), f != .createdAt, f != .updatedAt else { return nil }
            return f.rawValue
        default:
            return kind.childField(text)
        }
    }

    static func exportOnly(_ h: String, kind: ImportKind) -> Bool {
        let k = Normalize.key(h)
        if ["createdat", "updatedat", "创建时间", "更新时间", "created", "updated"].contains(k) { return true }
        return kind != .customers && (k == "id" || k == "编号")
    }
}
