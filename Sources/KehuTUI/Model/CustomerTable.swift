import KehuCore

/// The list's data: every customer as a `CustomerRow`, the search index over
/// them, and the current sort order. Rebuilt in full when the store is opened,
/// updated per customer when another user's change arrives.
///
/// The first screen needs only the rows in sort order; the search index (the
/// folded text and pinyin of every customer and contact: more than half of the
/// build at 100k customers) is built on a thread of its own meanwhile, and
/// whoever reads `index` first — the first filter keystroke — waits for it.
public struct CustomerTable: Sendable {
    public private(set) var rows: [CustomerRow] = []
    /// The search index over the rows (same positions); waits while it is being built.
    public var index: SearchIndex {
        switch search {
        case .ready(let i): return i
        case .building(let b): return b.value
        }
    }
    /// True when `index` can be read without waiting.
    public var indexIsReady: Bool {
        if case .building(let b) = search { return b.isReady }
        return true
    }
    private var search: Search = .ready(SearchIndex())
    /// Row positions by customer id.
    public private(set) var position: [String: Int] = [:]
    /// Row positions in the current sort order.
    public private(set) var order: [Int32] = []
    public private(set) var sortColumn: ListColumn = .name
    public private(set) var descending = false

    private enum Search: Sendable {
        case ready(SearchIndex)
        case building(BackgroundValue<SearchIndex>)
    }

    public init() {}

    /// Builds everything from a snapshot (start-up, or after a large change).
    public init(_ s: Snapshot, followUps: FollowUps, sort: ListColumn, descending: Bool, lang: Language) {
        self.init(s, followUps: { followUps }, sort: sort, descending: descending, lang: lang)
    }

    /// The same, with follow-up dates that may still be being computed elsewhere:
    /// `followUps` is asked for only after the rows are built (so the two can run side by side).
    public init(_ s: Snapshot, followUps: () -> FollowUps, sort: ListColumn, descending: Bool, lang: Language) {
        rows.reserveCapacity(s.customers.count)
        position.reserveCapacity(s.customers.count)
        // Id order (C1, C2 …), straight from the stored rows.
        s.customers.forEachInIdOrder { c in
            position[c.id] = rows.count
            rows.append(CustomerRow(c, metrics: s.metrics(of: c.id), nextFollowUp: nil))
        }
        let due = followUps().due
        if due.count < rows.count {
            for (id, d) in due { if let p = position[id] { rows[p].nextFollowUp = d } }
        } else {
            for p in rows.indices { rows[p].nextFollowUp = due[rows[p].id] }
        }
        self.sortColumn = sort
        self.descending = descending
        resort(dictionary: s.dictionary, lang: lang)
        // Started last, so the rows and their sort have the cores to themselves.
        let ids = rows.map(\.id)
        search = .building(BackgroundValue { CustomerTable.searchIndex(s, ids: ids) })
    }

    /// The search index over the given customers (in row order).
    static func searchIndex(_ s: Snapshot, ids: [String]) -> SearchIndex {
        var docs: [[UInt8]] = []
        docs.reserveCapacity(ids.count)
        for id in ids {
            guard let c = s.customers[id] else { docs.append([]); continue }
            docs.append(CustomerSearchKeys.document(c, contacts: s.contacts(of: id)))
        }
        return SearchIndex(bytes: docs)
    }

    /// Updates the rows of the given customers (changed, added or deleted).
    /// - Returns: false when a full rebuild is needed instead (a deletion).
    public mutating func update(_ ids: Set<String>, from s: Snapshot, followUps: FollowUps, lang: Language) -> Bool {
        var index = self.index
        defer { search = .ready(index) }
        for id in ids {
            guard let c = s.customers[id] else { if position[id] != nil { return false }; continue }
            let row = CustomerRow(c, metrics: s.metrics(of: id), nextFollowUp: followUps.due[id])
            let doc = CustomerSearchKeys.document(c, contacts: s.contacts(of: id))
            if let p = position[id] {
                rows[p] = row; index.replace(p, with: doc)
            } else {
                position[id] = rows.count; rows.append(row); index.append(doc)
            }
        }
        resort(dictionary: s.dictionary, lang: lang)
        return true
    }

    public mutating func setSort(_ column: ListColumn, descending: Bool, dictionary: SystemDictionary, lang: Language) {
        sortColumn = column; self.descending = descending
        resort(dictionary: dictionary, lang: lang)
    }

    /// Sorts by the current column; ties (and empty values, which go last) by name.
    mutating func resort(dictionary: SystemDictionary, lang: Language) {
        let rows = self.rows
        var idx = (0..<Int32(rows.count)).map { $0 }
        let desc = descending
        // Names compare by an 8-byte prefix first (one integer compare settles most pairs).
        let prefixes = rows.map { ByteOrder.prefix($0.nameSortKey) }
        func nameLess(_ i: Int32, _ j: Int32) -> Bool {
            let a = prefixes[Int(i)], b = prefixes[Int(j)]
            return a != b ? a < b : ByteOrder.less(rows[Int(i)].nameSortKey, rows[Int(j)].nameSortKey)
        }
        func cmp<T: Comparable>(_ a: T?, _ b: T?, _ i: Int32, _ j: Int32) -> Bool {
            switch (a, b) {
            case let (x?, y?): if x != y { return desc ? x > y : x < y }
            case (nil, _?): return false
            case (_?, nil): return true
            case (nil, nil): break
            }
            return nameLess(i, j)
        }
        func labelRank(_ kind: DictionaryKind) -> [String: Int] {
            let labels = dictionary.entries(kind).map { ($0.code, $0.label.text(lang)) }
            let sorted = labels.sorted { Pinyin.full($0.1) + $0.1 < Pinyin.full($1.1) + $1.1 }
            return Dictionary(sorted.enumerated().map { ($1.0, $0) }, uniquingKeysWith: { a, _ in a })
        }
        switch sortColumn {
        case .name:
            idx.sort { desc ? nameLess($1, $0) : nameLess($0, $1) }
        case .region:
            let r = labelRank(.region)
            idx.sort { cmp(rows[Int($0)].region.map { r[$0] ?? Int.max }, rows[Int($1)].region.map { r[$0] ?? Int.max }, $0, $1) }
        case .category:
            let r = labelRank(.category)
            idx.sort { cmp(rows[Int($0)].category.map { r[$0] ?? Int.max }, rows[Int($1)].category.map { r[$0] ?? Int.max }, $0, $1) }
        case .owner: idx.sort { cmp(rows[Int($0)].owner, rows[Int($1)].owner, $0, $1) }
        case .credit: idx.sort { cmp(rows[Int($0)].credit, rows[Int($1)].credit, $0, $1) }
        case .lastDeal: idx.sort { cmp(rows[Int($0)].lastDeal, rows[Int($1)].lastDeal, $0, $1) }
        case .nextFollowUp: idx.sort { cmp(rows[Int($0)].nextFollowUp, rows[Int($1)].nextFollowUp, $0, $1) }
        case .amount: idx.sort { cmp(rows[Int($0)].amount, rows[Int($1)].amount, $0, $1) }
        }
        order = idx
    }

    /// Rows (positions) in sort order that are among `hits`; all rows when `hits` is nil.
    public func visible(hits: [Int32]?) -> [Int32] {
        guard let hits else { return order }
        var mask = [Bool](repeating: false, count: rows.count)
        for h in hits { mask[Int(h)] = true }
        return order.filter { mask[Int($0)] }
    }
}
