/// The system dictionary (系统字典): every value list, editable, stored in the journal.
public struct SystemDictionary: Sendable, Equatable {
    /// Entries per kind in the order they were added (the order pick-lists show).
    public private(set) var lists: [DictionaryKind: [DictionaryEntry]] = [:]

    public init() {}

    public init(entries: [DictionaryEntry]) { for e in entries { upsert(e) } }

    public mutating func upsert(_ entry: DictionaryEntry) {
        var list = lists[entry.kind] ?? []
        if let i = list.firstIndex(where: { $0.code == entry.code }) { list[i] = entry } else { list.append(entry) }
        lists[entry.kind] = list
    }

    public mutating func remove(kind: DictionaryKind, code: String) {
        lists[kind]?.removeAll { $0.code == code }
    }

    /// Active entries of a list (retired ones stay valid for old records but are not offered).
    public func entries(_ kind: DictionaryKind) -> [DictionaryEntry] {
        (lists[kind] ?? []).filter { !$0.retired }
    }

    public func entry(_ kind: DictionaryKind, _ code: String) -> DictionaryEntry? {
        guard let list = lists[kind] else { return nil }
        // Bytes first: `==` on Chinese text takes Unicode's slow path, and an import
        // looks up a dozen codes per row. Canonically equal spellings still match below.
        // By index: `first(where:)` copied every entry it passed (four retains each).
        for i in list.indices where list[i].code.sameUTF8(code) { return list[i] }
        return list.first { $0.code == code }
    }

    /// Whether `code` is an entry of `kind` (what `entry(kind, code) != nil` says,
    /// without copying the entry: the field checker asks it for every dictionary cell).
    public func contains(_ kind: DictionaryKind, _ code: String) -> Bool {
        guard let list = lists[kind] else { return false }
        for i in list.indices where list[i].code.sameUTF8(code) { return true }
        return list.contains { $0.code == code }
    }

    /// The code of the entry `resolve` finds; the text itself, without copying an
    /// entry, when it is a code already (an import resolves every dictionary cell).
    public func resolveCode(_ kind: DictionaryKind, _ text: String) -> String? {
        if let list = lists[kind] { for i in list.indices where list[i].code.sameUTF8(text) { return text } }
        return resolve(kind, text)?.code
    }

    /// Finds the entry for what a user or a spreadsheet wrote: the code, either
    /// label, case- and width-insensitively.
    public func resolve(_ kind: DictionaryKind, _ text: String) -> DictionaryEntry? {
        if let e = entry(kind, text) { return e }
        let key = Normalize.key(text)
        return lists[kind]?.first {
            Normalize.key($0.code) == key || Normalize.key($0.label.zh) == key || Normalize.key($0.label.en) == key
        }
    }

    /// The label of a stored code in the UI language (the code itself if unknown).
    public func label(_ kind: DictionaryKind, _ code: String?, _ lang: Language) -> String {
        guard let code, !code.isEmpty else { return "" }
        return entry(kind, code)?.label.text(lang) ?? code
    }

    public func cycleDays(_ kind: DictionaryKind, _ code: String?) -> Int? {
        guard let code else { return nil }
        return entry(kind, code)?.cycleDays
    }

    public var allEntries: [DictionaryEntry] {
        DictionaryKind.allCases.flatMap { lists[$0] ?? [] }
    }
}
