/// The customers and main-currency transactions of a snapshot as flat columns,
/// grouped by customer and sorted by date (compressed sparse rows), so that every
/// report is a tight loop over arrays instead of a million dictionary lookups.
///
/// Building it is one pass over the transactions; the dashboard keeps one per
/// snapshot and passes it to every report (`AnalyticsData.matches` tells whether
/// a cached one is still for the same snapshot). Customers are in id order (C1,
/// C2, … C10): that is also the row order the RFM frequency ranking uses.
public struct AnalyticsData: Sendable {
    /// Journal position and sizes of the snapshot this was built from.
    public let seq: Int64
    let transactionCount: Int
    /// Customer ids in id order.
    public let customerIds: [String]
    /// The customers in the same order: reports read names, owners and fields from here
    /// instead of a hashed lookup per customer (read in place from the snapshot's table).
    let customers: CustomerColumn
    /// Row of a store-style id `C<n>` at `byNumber[n]` (-1: none); other ids in `otherPosition`.
    let byNumber: [Int32]
    let otherPosition: [String: Int]
    /// Transactions of customer i are rows offsets[i] ..< offsets[i+1], oldest first.
    let offsets: [Int]
    let days: [Int32]
    /// Minor units; negative for refunds.
    let amounts: [Int64]

    public init(_ snapshot: Snapshot) {
        seq = snapshot.seq
        transactionCount = snapshot.transactions.count
        let customers = CustomerColumn(snapshot.customers)
        self.customers = customers
        let idList = customers.map(\.id)
        customerIds = idList
        let n = customers.count
        // Store ids are `C<number>`: map the number straight to the row so lookups need no
        // string hashing (the id is still compared for safety). The table is only worth it
        // while ids are dense; other ids (and sparse ones) go to `otherPosition`.
        let maxNumber = max(0, min(idList.last.map(idNumber) ?? 0, 4 * n + 1024))
        var byNumber = [Int32](repeating: -1, count: maxNumber + 1)
        var otherPosition: [String: Int] = [:]
        for (i, id) in idList.enumerated() {
            if let number = RecordTable<Customer>.number(of: id), number <= maxNumber, byNumber[number] == -1 {
                byNumber[number] = Int32(i)
            } else {
                otherPosition[id] = i
            }
        }
        self.byNumber = byNumber
        self.otherPosition = otherPosition
        // Pass 1: the customer row of every counted transaction, and counts per customer,
        // read from the packed rows (no `Transaction` values: no id formatting, no string
        // retains). A row's customer is a pool code: resolved to a customer row once per code.
        var rowOf: [Int32] = [], day: [Int32] = [], amount: [Int64] = []
        let txCount = snapshot.transactions.count
        rowOf.reserveCapacity(txCount)
        day.reserveCapacity(txCount)
        amount.reserveCapacity(txCount)
        var counts = [Int](repeating: 0, count: n + 1)
        let transactions = snapshot.transactions
        let strings = transactions.pool.strings
        // Per pool code: -2 not looked at yet, -1 not a customer of this snapshot, else the row.
        var rowOfCode = [Int32](repeating: -2, count: strings.count)
        // Per pool code: 1 counted currency, 0 other, -1 not looked at yet (code 0 unpacks as CNY).
        var counted = [Int8](repeating: -1, count: strings.count)
        counted[0] = PurchaseFilter.currency == "CNY" ? 1 : 0
        let lookup = AnalyticsData.Lookup(byNumber: byNumber, otherPosition: otherPosition, ids: idList)
        transactions.rows.withUnsafeBufferPointer { rows in
            transactions.rowKeys.withUnsafeBufferPointer { keys in
                for r in 0..<rows.count where keys[r] != RecordTable<Transaction>.deleted {
                    let t = rows[r]
                    let currency = Int(t.currency)
                    if counted[currency] < 0 { counted[currency] = strings[currency] == PurchaseFilter.currency ? 1 : 0 }
                    guard counted[currency] == 1 else { continue }
                    let code = Int(t.customer)
                    var i = rowOfCode[code]
                    if i == -2 {
                        i = code == 0 ? -1 : Int32(lookup.row(strings[code]) ?? -1)
                        rowOfCode[code] = i
                    }
                    guard i >= 0 else { continue }
                    rowOf.append(i); day.append(t.date); amount.append(t.minor)
                    counts[Int(i) + 1] += 1
                }
            }
        }
        // Pass 2: counting sort by customer, then by date within each customer.
        for i in 0..<n { counts[i + 1] += counts[i] }
        var next = counts
        var days = [Int32](repeating: 0, count: rowOf.count), amounts = [Int64](repeating: 0, count: rowOf.count)
        for k in rowOf.indices {
            let i = Int(rowOf[k])
            days[next[i]] = day[k]; amounts[next[i]] = amount[k]
            next[i] += 1
        }
        var pairs: [(Int32, Int64)] = []
        for i in 0..<n where counts[i + 1] - counts[i] > 1 {
            let range = counts[i]..<counts[i + 1]
            var sorted = true
            for k in range.dropFirst() where days[k] < days[k - 1] { sorted = false; break }
            if sorted { continue }
            pairs.removeAll(keepingCapacity: true)
            for k in range { pairs.append((days[k], amounts[k])) }
            pairs.sort { $0 < $1 }
            for (j, k) in range.enumerated() { days[k] = pairs[j].0; amounts[k] = pairs[j].1 }
        }
        offsets = counts
        self.days = days
        self.amounts = amounts
    }

    public var customerCount: Int { customerIds.count }

    /// True when this was built from `snapshot` (same journal position and sizes).
    public func matches(_ snapshot: Snapshot) -> Bool {
        seq == snapshot.seq && customerIds.count == snapshot.customers.count && transactionCount == snapshot.transactions.count
    }

    /// This data if it matches the snapshot, else data built from it.
    public static func reuse(_ cached: AnalyticsData?, for snapshot: Snapshot) -> AnalyticsData {
        if let cached, cached.matches(snapshot) { return cached }
        return AnalyticsData(snapshot)
    }

    func row(of customerId: String) -> Int? {
        Lookup(byNumber: byNumber, otherPosition: otherPosition, ids: customerIds).row(customerId)
    }

    /// Customer id → row, through the dense number table first.
    struct Lookup {
        let byNumber: [Int32]
        let otherPosition: [String: Int]
        let ids: [String]

        @inline(__always) func row(_ id: String) -> Int? {
            let n = RecordTable<Customer>.number(of: id) ?? -1
            if n >= 0 && n < byNumber.count {
                let i = Int(byNumber[n])
                if i >= 0 && ids[i] == id { return i }
            }
            return otherPosition[id]
        }
    }
}
