extension RecordTable where Record == Customer {
    /// Visits the customers in id order — by the number in the id, then by the id's
    /// text (C1, C2 … C10, as `idNumber` sorts them) — read in place from the stored rows.
    ///
    /// What whole-book views start from (the workstation's list, the follow-up plan):
    /// going through `keys` and `self[id]` instead formats 100k ids, parses them back
    /// and copies each customer (some 25 strings retained and released) twice.
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
