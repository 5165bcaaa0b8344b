/// How each core record type is stored in a `RecordTable`.

extension Customer: TableRecord {
    public typealias Row = Customer
    public static var idLetter: UInt8 { UInt8(ascii: "C") }
    @inlinable public static func pack(_ record: Customer, into pool: inout StringPool) -> Customer { record }
    @inlinable public static func unpack(_ row: Customer, id: String, pool: StringPool) -> Customer { row }
}

extension Contact: TableRecord {
    public typealias Row = Contact
    public static var idLetter: UInt8 { UInt8(ascii: "P") }
    @inlinable public static func pack(_ record: Contact, into pool: inout StringPool) -> Contact { record }
    @inlinable public static func unpack(_ row: Contact, id: String, pool: StringPool) -> Contact { row }
}

/// A transaction as stored: 48 bytes, strings as pool codes.
public struct TransactionRow: Sendable {
    @usableFromInline var minor: Int64
    @usableFromInline var quantityMilli: Int64
    @usableFromInline var version: Int32
    @usableFromInline var customer: UInt32
    @usableFromInline var date: Int32
    @usableFromInline var currency: UInt32
    @usableFromInline var product: UInt32
    @usableFromInline var note: UInt32
    @usableFromInline var hasQuantity: Bool

    @inlinable init(minor: Int64, quantityMilli: Int64, version: Int32, customer: UInt32, date: Int32,
                    currency: UInt32, product: UInt32, note: UInt32, hasQuantity: Bool) {
        self.minor = minor; self.quantityMilli = quantityMilli; self.version = version; self.customer = customer
        self.date = date; self.currency = currency; self.product = product; self.note = note; self.hasQuantity = hasQuantity
    }
}

extension Transaction: TableRecord {
    public static var idLetter: UInt8 { UInt8(ascii: "T") }

    @inlinable public static func pack(_ t: Transaction, into pool: inout StringPool) -> TransactionRow {
        TransactionRow(minor: t.amount.minor, quantityMilli: t.quantityMilli ?? 0, version: Int32(clamping: t.version),
                       customer: pool.code(t.customerId), date: t.date.days, currency: pool.code(t.amount.currency),
                       product: pool.code(t.product), note: pool.code(t.note), hasQuantity: t.quantityMilli != nil)
    }

    @inlinable public static func unpack(_ r: TransactionRow, id: String, pool: StringPool) -> Transaction {
        var t = Transaction(id: id, customerId: pool.string(r.customer) ?? "", date: LocalDate(days: r.date),
                            amount: Money(minor: r.minor, currency: pool.string(r.currency) ?? "CNY"))
        t.version = Int(r.version)
        t.product = pool.string(r.product)
        t.quantityMilli = r.hasQuantity ? r.quantityMilli : nil
        t.note = pool.string(r.note)
        return t
    }
}

/// An interaction as stored: 32 bytes, strings as pool codes.
public struct InteractionRow: Sendable {
    @usableFromInline var at: Int64
    @usableFromInline var version: Int32
    @usableFromInline var customer: UInt32
    @usableFromInline var channel: UInt32
    @usableFromInline var note: UInt32
    @usableFromInline var by: UInt32
    @usableFromInline var kind: UInt8

    @inlinable init(at: Int64, version: Int32, customer: UInt32, channel: UInt32, note: UInt32, by: UInt32, kind: UInt8) {
        self.at = at; self.version = version; self.customer = customer; self.channel = channel; self.note = note; self.by = by; self.kind = kind
    }
}

extension Interaction: TableRecord {
    public static var idLetter: UInt8 { UInt8(ascii: "I") }

    @inlinable public static func pack(_ i: Interaction, into pool: inout StringPool) -> InteractionRow {
        let kind: UInt8 = i.kind == .contact ? 0 : (i.kind == .feedback ? 1 : 2)
        return InteractionRow(at: i.at.millis, version: Int32(clamping: i.version), customer: pool.code(i.customerId),
                              channel: pool.code(i.channel), note: pool.code(i.note.isEmpty ? nil : i.note), by: pool.code(i.by), kind: kind)
    }

    @inlinable public static func unpack(_ r: InteractionRow, id: String, pool: StringPool) -> Interaction {
        var i = Interaction(id: id, customerId: pool.string(r.customer) ?? "", at: Timestamp(millis: r.at))
        i.version = Int(r.version)
        i.channel = pool.string(r.channel)
        i.note = pool.string(r.note) ?? ""
        i.by = pool.string(r.by)
        i.kind = r.kind == 0 ? .contact : (r.kind == 1 ? .feedback : .complaint)
        return i
    }
}

extension RecordTable where Record == Transaction {
    /// Every live transaction's figures, straight from the packed rows, without
    /// building `Transaction` values (no id formatting, no string retains but the
    /// customer id's): for passes over a million rows such as the analytics columns.
    public func forEachFigures(_ body: (_ customerId: String, _ date: LocalDate, _ minor: Int64, _ currency: String) throws -> Void) rethrows {
        for r in rows.indices where rowKeys[r] != Self.deleted {
            let row = rows[r]
            try body(pool.strings[Int(row.customer)], LocalDate(days: row.date), row.minor,
                     row.currency == 0 ? "CNY" : pool.strings[Int(row.currency)])
        }
    }
}

/// A stored transaction or interaction as a writer with its own string table
/// needs it: numbers as they are, strings as codes into `RecordTable.strings`
/// (0: none). The snapshot writer maps each code to its table once, instead of
/// building a `Transaction` and hashing its strings for each of a million rows.
public struct PackedChild: Sendable {
    public var version: Int
    /// Transactions: days of the date. Interactions: UTC milliseconds.
    public var time: Int64
    /// Transactions: minor units. Interactions: the kind (0 contact, 1 feedback, 2 complaint).
    public var number: Int64
    /// Transactions: currency, product, note. Interactions: channel, note, by.
    public var a: UInt32, b: UInt32, c: UInt32
    /// Transactions only: the quantity in thousandths, if any.
    public var quantityMilli: Int64?
}

extension RecordTable where Record == Transaction {
    /// The stored row of `id` (see `PackedChild`), or nil.
    public func packed(_ id: String) -> PackedChild? {
        guard let r = row(of: id) else { return nil }
        let t = rows[r]
        return PackedChild(version: Int(t.version), time: Int64(t.date), number: t.minor, a: t.currency, b: t.product, c: t.note,
                           quantityMilli: t.hasQuantity ? t.quantityMilli : nil)
    }
}

extension RecordTable where Record == Interaction {
    /// The stored row of `id` (see `PackedChild`), or nil.
    public func packed(_ id: String) -> PackedChild? {
        guard let r = row(of: id) else { return nil }
        let i = rows[r]
        return PackedChild(version: Int(i.version), time: i.at, number: Int64(i.kind), a: i.channel, b: i.note, c: i.by, quantityMilli: nil)
    }
}

extension RecordTable {
    /// The strings that packed rows refer to by code (code 0 is none).
    public var strings: [String] { pool.strings }
}
