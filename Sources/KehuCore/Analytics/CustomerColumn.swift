/// The customers of an `AnalyticsData` in its row order, read in place from the
/// snapshot's customer table (shared, copy-on-write) instead of copied out.
///
/// Copying 100k `Customer` values into an array retained every one of their
/// strings: a third of building the columns. Element access borrows the stored
/// row (`_read`), so a report reading `customers[i].name` copies nothing but the name.
public struct CustomerColumn: RandomAccessCollection, Sendable {
    let table: RecordTable<Customer>
    /// Storage row of each customer, in row order.
    let rows: [Int32]

    init(_ table: RecordTable<Customer>) {
        self.table = table
        rows = table.idOrderRows()
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { rows.count }

    public subscript(i: Int) -> Customer {
        _read { yield table.rows[Int(rows[i])] }
    }
}
