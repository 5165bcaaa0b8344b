/// One value of a dictionary list: its code (what records store), its zh/en
/// labels, and, for strategies, the cycle in days.
///
/// The code is the Chinese text from the seed (e.g. `华南`), because that is what
/// users type and what their spreadsheets contain; the English label is for the UI.
public struct DictionaryEntry: Hashable, Sendable {
    public var kind: DictionaryKind
    public var code: String
    public var label: Label
    public var cycleDays: Int?
    public var retired: Bool

    public init(kind: DictionaryKind, code: String, label: Label, cycleDays: Int? = nil, retired: Bool = false) {
        self.kind = kind; self.code = code; self.label = label; self.cycleDays = cycleDays; self.retired = retired
    }

    /// The journal id of a dictionary entry: `kind/code`.
    public var id: String { "\(kind.rawValue)/\(code)" }
}
