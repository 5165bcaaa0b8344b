extension RecordTable where Record == Customer {
    /// The customers in id order — by the number in the id, then by the id's text
    /// (C1, C2 … C10, as `idNumber` sorts them) — read straight from the stored rows.
    ///
    /// What every whole-book view starts from (the workstation's list, the analytics
    /// columns): going through `keys` and `self[id]` instead formats 100k ids, parses
    /// them back and copies each customer twice.
    public var inIdOrder: [Customer] { idOrderRows().map { rows[Int($0)] } }

    /// Visits the customers in id order without copying them into an array
    /// (100k `Customer` values are ~45 MB: the workstation builds its rows this way).
    public func forEachInIdOrder(_ body: (Customer) throws -> Void) rethrows {
        for r in idOrderRows() { try body(rows[Int(r)]) }
    }

    /// Storage rows of the live customers, in id order.
    func idOrderRows() -> [Int32] {
        var live: [(number: Int, row: Int32)] = []
        live.reserveCapacity(count)
        for r in rows.indices where rowKeys[r] != Self.deleted {
            let key = rowKeys[r]
            live.append((key >= 0 ? Int(key) : idNumber(rows[r].id), Int32(r)))
        }
        live.sort { a, b in a.number != b.number ? a.number < b.number : rows[Int(a.row)].id < rows[Int(b.row)].id }
        return live.map(\.row)
    }
}
