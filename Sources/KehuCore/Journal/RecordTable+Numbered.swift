/// The loaders' path for store-style ids (`T1042`): the snapshot file stores the
/// number, so a record can be checked for, added and attributed by its number
/// without formatting its id and parsing it back (at 100k customers that round
/// trip for 1.6M records was a fifth of opening a store).
extension RecordTable {
    /// The id `letter + number` as the store writes it (one small string, no concatenation).
    public static func storeId(_ number: Int) -> String { format(letter: Record.idLetter, Int32(truncatingIfNeeded: number)) }

    /// True when `letter + number` is a store-style id kept by number (what `number(of:)`
    /// accepts: no leading zero, at most 9 digits). Others go through their id text.
    @inlinable static func isDenseNumber(_ number: Int) -> Bool { number >= 1 && number < 1_000_000_000 }

    /// True when the record `letter + number` exists (`contains(id:)` without the id text).
    @inlinable func contains(number n: Int) -> Bool {
        if n < byNumber.count, byNumber[n] != 0 { return true }
        return !byOther.isEmpty && byOther[Self.storeId(n)] != nil
    }

    /// Adds a row for the new id `letter + number` (loaders check first), as `append(row:id:)` does.
    /// The row is consumed (moved into storage, not copied).
    mutating func append(row packed: consuming Record.Row, number n: Int) {
        let r = rows.count
        guard n < Swift.max(4 * (r + 1), 1 << 16) else { append(row: packed, id: Self.storeId(n)); return }
        rows.append(packed)
        rowKeys.append(Int32(n))
        count += 1
        if n >= byNumber.count {
            if n >= byNumber.capacity { byNumber.reserveCapacity(Swift.max(n + 1, byNumber.capacity * 2)) }
            byNumber.append(contentsOf: repeatElement(0, count: n + 1 - byNumber.count))
        }
        byNumber[n] = Int32(r + 1)
    }
}

extension RecordTable {
    /// The loaders' one way to put a record back: under its number when its id is
    /// store-style (`number` ≥ 1, else -1), under its id text otherwise; an id
    /// already present is refused.
    /// - Returns: the number the record is kept by, or -1 when it is kept by its id text.
    mutating func appendRestored(_ row: consuming Record.Row, number: Int, id: String, entity: String) throws(ChangeError) -> Int {
        if Self.isDenseNumber(number) {
            guard !contains(number: number) else { throw .alreadyExists(entity: entity, id: id) }
            append(row: row, number: number)
            return number
        }
        guard !contains(id: id) else { throw .alreadyExists(entity: entity, id: id) }
        append(row: row, id: id)
        return -1
    }
}

/// `letter + number` (`T1042`) written straight into one small string, for readers
/// that store ids as numbers; numbers of more than 9 digits are formatted the slow way.
public func storeStyleId(letter: UInt8, _ number: UInt64) -> String {
    number < 1_000_000_000 ? RecordTable<Customer>.format(letter: letter, Int32(number)) : String(UnicodeScalar(letter)) + String(number)
}
