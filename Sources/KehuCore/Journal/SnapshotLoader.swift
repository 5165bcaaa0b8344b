/// Bulk loading of transactions and interactions straight into their stored
/// rows, for snapshot readers.
///
/// A reader that has its own string table (`snapshot.bin` stores every string
/// once) hands over rows whose strings are indices into that table. Each index
/// is turned into a pool code once and remembered, so a million rows cost a
/// million array lookups, not a million `Transaction` values, string hashes and
/// retain/release pairs (that detour was a third of the time to open a store).
public struct SnapshotLoader {
    /// The reader's strings; row fields refer to them by index + 1 (0 = none).
    public let strings: [String]
    var transactionCodes: [UInt32]
    var interactionCodes: [UInt32]
    var loginCodes: [UInt16]

    public init(strings: [String]) {
        self.strings = strings
        transactionCodes = [UInt32](repeating: 0, count: strings.count + 1)
        interactionCodes = transactionCodes
        loginCodes = [UInt16](repeating: 0, count: strings.count + 1)
    }

    /// A transaction as a reader decoded it; text fields are string references.
    public struct Transaction: Sendable {
        /// The id's number when it is store-style (`T` + number), else -1 and the id is `id`.
        public var number: Int
        /// The id when it is not store-style ("" otherwise: it is made only if needed).
        public var id: String
        public var version: Int
        public var lastBy: Int
        public var date: Int32
        public var minor: Int64
        public var currency: Int
        public var product: Int
        public var quantityMilli: Int64?
        public var note: Int
        public init(number: Int = -1, id: String, version: Int, lastBy: Int, date: Int32, minor: Int64, currency: Int, product: Int, quantityMilli: Int64?, note: Int) {
            self.number = number; self.id = id; self.version = version; self.lastBy = lastBy; self.date = date; self.minor = minor
            self.currency = currency; self.product = product; self.quantityMilli = quantityMilli; self.note = note
        }
    }

    /// An interaction as a reader decoded it; text fields are string references.
    public struct Interaction: Sendable {
        /// As `Transaction.number`.
        public var number: Int
        public var id: String
        public var version: Int
        public var lastBy: Int
        public var at: Int64
        public var channel: Int
        public var note: Int
        public var by: Int
        public var kind: KehuCore.Interaction.Kind
        public init(number: Int = -1, id: String, version: Int, lastBy: Int, at: Int64, channel: Int, note: Int, by: Int, kind: KehuCore.Interaction.Kind) {
            self.number = number; self.id = id; self.version = version; self.lastBy = lastBy; self.at = at; self.channel = channel
            self.note = note; self.by = by; self.kind = kind
        }
    }

    @inline(__always) static func code(_ ref: Int, _ cache: inout [UInt32], _ pool: inout StringPool, _ strings: [String]) -> UInt32 {
        guard ref > 0 else { return 0 }
        let c = cache[ref]
        if c != 0 { return c }
        // The reader's table holds each string once, so a new reference is a new string for this pool.
        let new = pool.appendDistinct(strings[ref - 1])
        cache[ref] = new
        return new
    }
}

extension Snapshot {
    /// Puts back the transactions of one customer (in index order), as `restore(transactions:lastBy:of:)` does.
    /// - Parameter customerRef: the customer id as a string reference of the loader.
    public mutating func restore(_ list: [SnapshotLoader.Transaction], of customerRef: Int, loader: inout SnapshotLoader) throws(ChangeError) {
        let customerId = loader.strings[customerRef - 1]
        let customerCode = SnapshotLoader.code(customerRef, &loader.transactionCodes, &transactions.pool, loader.strings)
        var m = metrics[customerId] ?? CustomerMetrics()
        var ids: [String] = []
        ids.reserveCapacity(list.count)
        for t in list {
            let id = RecordTable<KehuCore.Transaction>.isDenseNumber(t.number) ? RecordTable<KehuCore.Transaction>.storeId(t.number) : t.id
            let currency = SnapshotLoader.code(t.currency, &loader.transactionCodes, &transactions.pool, loader.strings)
            let row = TransactionRow(minor: t.minor, quantityMilli: t.quantityMilli ?? 0, version: Int32(clamping: t.version),
                                     customer: customerCode, date: t.date, currency: currency,
                                     product: SnapshotLoader.code(t.product, &loader.transactionCodes, &transactions.pool, loader.strings),
                                     note: SnapshotLoader.code(t.note, &loader.transactionCodes, &transactions.pool, loader.strings),
                                     hasQuantity: t.quantityMilli != nil)
            let number = try transactions.appendRestored(row, number: t.number, id: id, entity: "transaction")
            ids.append(id)
            m.add(minor: t.minor, currency: t.currency > 0 ? loader.strings[t.currency - 1] : "CNY", date: LocalDate(days: t.date))
            restoreLastBy(table: 2, id: id, number: number, t.lastBy > 0 ? loader.strings[t.lastBy - 1] : nil)
        }
        transactionsByCustomer[customerId, default: []].append(contentsOf: ids)
        if m.count > 0 { metrics[customerId] = m }
    }

    /// Puts back the interactions of one customer (in index order).
    public mutating func restore(_ list: [SnapshotLoader.Interaction], of customerRef: Int, loader: inout SnapshotLoader) throws(ChangeError) {
        let customerId = loader.strings[customerRef - 1]
        let customerCode = SnapshotLoader.code(customerRef, &loader.interactionCodes, &interactions.pool, loader.strings)
        var ids: [String] = []
        ids.reserveCapacity(list.count)
        for x in list {
            let id = RecordTable<KehuCore.Interaction>.isDenseNumber(x.number) ? RecordTable<KehuCore.Interaction>.storeId(x.number) : x.id
            let row = InteractionRow(at: x.at, version: Int32(clamping: x.version), customer: customerCode,
                                     channel: SnapshotLoader.code(x.channel, &loader.interactionCodes, &interactions.pool, loader.strings),
                                     note: SnapshotLoader.code(x.note, &loader.interactionCodes, &interactions.pool, loader.strings),
                                     by: SnapshotLoader.code(x.by, &loader.interactionCodes, &interactions.pool, loader.strings),
                                     kind: x.kind == .contact ? 0 : (x.kind == .feedback ? 1 : 2))
            let number = try interactions.appendRestored(row, number: x.number, id: id, entity: "interaction")
            ids.append(id)
            restoreLastBy(table: 3, id: id, number: number, x.lastBy > 0 ? loader.strings[x.lastBy - 1] : nil)
        }
        interactionsByCustomer[customerId, default: []].append(contentsOf: ids)
    }

    /// Who last changed a restored record of dense table `table` (kept by `number`, or -1).
    mutating func restoreLastBy(table: Int, id: String, number: Int, _ login: String?) {
        guard let login else { return }
        // A store-style id in ChangedBy's dense range is set by number (what `set(table:id:)` would find).
        if number >= 0 && number < 1 << 26 { lastChangedBy.set(table: table, number: number, login) }
        else { lastChangedBy.set(table: table, id: id, login) }
    }
}

extension CustomerMetrics {
    mutating func add(minor: Int64, currency: String, date: LocalDate) {
        count += 1
        if currency == "CNY" { total += minor } else { otherCurrencies[currency, default: 0] += minor }
        if first == nil || date < first! { first = date }
        if last == nil || date > last! { last = date }
    }
}
