/// A record type that a `RecordTable` can hold: it names its id letter and how
/// it is packed into a (possibly smaller) stored row.
///
/// Customers and contacts are stored as they are (`Row == Self`); transactions
/// and interactions, a million of them at 100k customers, are packed into rows
/// of integers whose strings live once in the table's `StringPool`.
public protocol TableRecord: Sendable, Equatable {
    associatedtype Row: Sendable
    /// The letter of store-assigned ids (`C`, `P`, `T`, `I`) as an ASCII byte.
    static var idLetter: UInt8 { get }
    var id: String { get }
    static func pack(_ record: Self, into pool: inout StringPool) -> Row
    static func unpack(_ row: Row, id: String, pool: StringPool) -> Self
}

/// The records of one type keyed by id, with the reading API of a
/// `[String: Record]` dictionary (`table[id]`, `count`, `values`, `keys`,
/// `for (id, record) in table`).
///
/// Why not a dictionary: at 100k customers a `[String: Transaction]` holds a
/// million 120-byte values in 2²¹ buckets (≈ 285 MB resident) and costs a hash
/// insert per record on every start. Here rows sit in one array (48 bytes per
/// transaction), ids the store assigns (`T1042`) are found through a dense
/// number → row array, and only other ids (hand-made or imported) go through a
/// dictionary. Deleted rows leave a tombstone; iteration skips them.
public struct RecordTable<Record: TableRecord>: Sendable, Equatable {
    @usableFromInline var rows: [Record.Row] = []
    /// The id of each row, in 4 bytes: n ≥ 0 is the store-style id letter + n (`T1042`),
    /// a negative k is `otherIds[-k - 1]`, and `deleted` marks a deleted row. (A `[String]`
    /// here was 16 bytes a row: 23 MB for the transactions and interactions of 100k customers.)
    @usableFromInline var rowKeys: [Int32] = []
    @usableFromInline var otherIds: [String] = []
    @usableFromInline static var deleted: Int32 { Int32.min }
    /// Id number → row + 1 (0: none), for ids of the form letter + number.
    @usableFromInline var byNumber: [Int32] = []
    /// Row of every other id.
    @usableFromInline var byOther: [String: Int32] = [:]
    @usableFromInline var pool = StringPool()
    public internal(set) var count = 0

    public init() {}

    public var isEmpty: Bool { count == 0 }

    /// The dense slot of a store-style id (`T1042` → 1042), or nil for other ids.
    @inlinable static func number(of id: String) -> Int? {
        var n = 0
        var i = 0
        for b in id.utf8 {
            if i == 0 {
                guard b == Record.idLetter else { return nil }
            } else {
                guard b >= 48, b <= 57, !(i == 1 && b == 48), i <= 9 else { return nil }
                n = n * 10 + Int(b - 48)
            }
            i += 1
        }
        return i >= 2 ? n : nil
    }

    @inlinable func row(of id: String) -> Int? {
        if let n = Self.number(of: id), n < byNumber.count, byNumber[n] != 0 { return Int(byNumber[n] - 1) }
        // A store-style id beyond the dense range also lives here.
        return byOther.isEmpty ? nil : byOther[id].map(Int.init)
    }

    @inlinable public func contains(id: String) -> Bool { row(of: id) != nil }

    @inlinable public subscript(id: String) -> Record? {
        get { row(of: id).map { Record.unpack(rows[$0], id: id, pool: pool) } }
        set {
            if let newValue { insertOrReplace(newValue, id: id) } else { removeValue(forKey: id) }
        }
    }

    /// Pre-sizes the storage for a load of `n` records.
    public mutating func reserveCapacity(_ n: Int) {
        rows.reserveCapacity(n)
        rowKeys.reserveCapacity(n)
    }

    @usableFromInline mutating func insertOrReplace(_ record: Record, id: String) {
        let packed = Record.pack(record, into: &pool)
        if let r = row(of: id) { rows[r] = packed; return }
        append(row: packed, id: id)
    }

    /// Adds a row for an id known to be new (loaders check first).
    mutating func append(row packed: Record.Row, id: String) {
        let r = rows.count
        rows.append(packed)
        let number = Self.number(of: id)
        if let number { rowKeys.append(Int32(number)) } else { otherIds.append(id); rowKeys.append(-Int32(otherIds.count)) }
        count += 1
        if let n = number, n < Swift.max(4 * rows.count, 1 << 16) {
            if n >= byNumber.count {
                // Grow geometrically from the capacity (asking for count × 2 on every append reallocates every time).
                if n >= byNumber.capacity { byNumber.reserveCapacity(Swift.max(n + 1, byNumber.capacity * 2)) }
                byNumber.append(contentsOf: repeatElement(0, count: n + 1 - byNumber.count))
            }
            byNumber[n] = Int32(r + 1)
        } else {
            byOther[id] = Int32(r)
        }
    }

    @discardableResult
    @usableFromInline mutating func removeValue(forKey id: String) -> Record? {
        guard let r = row(of: id) else { return nil }
        let old = Record.unpack(rows[r], id: id, pool: pool)
        if let n = Self.number(of: id), n < byNumber.count, byNumber[n] == Int32(r + 1) { byNumber[n] = 0 } else { byOther[id] = nil }
        rowKeys[r] = Self.deleted
        count -= 1
        return old
    }

    /// Same records under the same ids (row order and tombstones do not matter).
    public static func == (a: RecordTable, b: RecordTable) -> Bool {
        guard a.count == b.count else { return false }
        for (id, r) in a where b[id] != r { return false }
        return true
    }
}

extension RecordTable: Collection {
    public typealias Element = (key: String, value: Record)
    public typealias Index = Int

    @inlinable public var startIndex: Int { nextLive(from: 0) }
    @inlinable public var endIndex: Int { rowKeys.count }

    @inlinable func nextLive(from i: Int) -> Int {
        var i = i
        while i < rowKeys.count, rowKeys[i] == Self.deleted { i += 1 }
        return i
    }

    @inlinable public func index(after i: Int) -> Int { nextLive(from: i + 1) }

    @inlinable public subscript(position: Int) -> (key: String, value: Record) {
        let id = self.id(at: position)
        return (id, Record.unpack(rows[position], id: id, pool: pool))
    }

    /// The id of a (live) row.
    @inlinable func id(at position: Int) -> String {
        let k = rowKeys[position]
        if k >= 0 { return Self.format(letter: Record.idLetter, k) }
        return otherIds[Int(-k) - 1]
    }

    /// `T1042` from 1042, written straight into one small string (iterating a million
    /// rows formats a million ids; two strings and a concatenation each cost 3× more).
    @inlinable static func format(letter: UInt8, _ number: Int32) -> String {
        var n = UInt32(number)
        var digits = 1
        var p: UInt32 = 10
        while n >= p && digits < 10 { digits += 1; if p > UInt32.max / 10 { break }; p *= 10 }
        return String(unsafeUninitializedCapacity: digits + 1) { buf in
            buf[0] = letter
            var i = digits
            repeat { buf[i] = UInt8(48 + n % 10); n /= 10; i -= 1 } while i > 0
            return digits + 1
        }
    }

    /// The records, in storage order (as a dictionary's `values`: no order promised).
    public var values: LazyMapCollection<RecordTable, Record> { lazy.map { $0.value } }
    /// The ids, in storage order.
    public var keys: LazyMapCollection<RecordTable, String> { lazy.map { $0.key } }

    /// A plain dictionary copy, for code that needs one (costly at a million records).
    public var dictionary: [String: Record] {
        var d: [String: Record] = [:]
        d.reserveCapacity(count)
        for (k, v) in self { d[k] = v }
        return d
    }

    public func mapValues<T>(_ transform: (Record) throws -> T) rethrows -> [String: T] {
        var d: [String: T] = [:]
        d.reserveCapacity(count)
        for (k, v) in self { d[k] = try transform(v) }
        return d
    }
}
