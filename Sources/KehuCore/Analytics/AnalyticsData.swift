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
    /// instead of a hashed lookup per customer (the strings are shared with the snapshot).
    let customers: [Customer]
    let position: [String: Int]
    /// Transactions of customer i are rows offsets[i] ..< offsets[i+1], oldest first.
    let offsets: [Int]
    let days: [Int32]
    /// Minor units; negative for refunds.
    let amounts: [Int64]

    public init(_ snapshot: Snapshot) {
        seq = snapshot.seq
        transactionCount = snapshot.transactions.count
        let ids = snapshot.customers.keys.map { (idNumber($0), $0) }.sorted { $0 < $1 }
        let idList = ids.map(\.1)
        customerIds = idList
        let n = ids.count
        var position: [String: Int] = [:]
        position.reserveCapacity(n)
        // Store ids are `C<number>`: map the number straight to the row so the pass over
        // the transactions needs no string hashing (the id is still compared for safety).
        // The table is only worth it while ids are dense; sparse ids fall back to hashing.
        let maxNumber = max(0, min(ids.last?.0 ?? 0, 4 * n + 1024))
        var byNumber = [Int32](repeating: -1, count: maxNumber + 1)
        for (i, (number, id)) in ids.enumerated() {
            position[id] = i
            if number >= 0, number <= maxNumber, byNumber[number] == -1 { byNumber[number] = Int32(i) }
        }
        self.position = position
        customers = idList.map { snapshot.customers[$0]! }
        @inline(__always) func row(_ customerId: String) -> Int {
            let number = idNumber(customerId)
            if number >= 0 && number <= maxNumber {
                let i = Int(byNumber[number])
                if i >= 0 && idList[i] == customerId { return i }
            }
            return position[customerId] ?? -1
        }
        // Pass 1: the customer row of every counted transaction, and counts per customer.
        var rowOf: [Int32] = [], day: [Int32] = [], amount: [Int64] = []
        rowOf.reserveCapacity(snapshot.transactions.count)
        day.reserveCapacity(snapshot.transactions.count)
        amount.reserveCapacity(snapshot.transactions.count)
        var counts = [Int](repeating: 0, count: n + 1)
        for t in snapshot.transactions.values where PurchaseFilter.counts(t) {
            let i = row(t.customerId)
            guard i >= 0 else { continue }
            rowOf.append(Int32(i)); day.append(t.date.days); amount.append(t.amount.minor)
            counts[i + 1] += 1
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

    func row(of customerId: String) -> Int? { position[customerId] }
}
