import KehuCore

/// Reads what `ByteWriter` wrote, bounds-checked: a short or damaged file is a
/// thrown error naming the byte offset, never a crash.
struct ByteReader {
    let p: UnsafeRawBufferPointer
    var i: Int
    var table: [String] = []

    struct Damaged: Error, CustomStringConvertible {
        var offset: Int
        var reason: String
        var description: String { "damaged at byte \(offset): \(reason)" }
    }

    init(_ p: UnsafeRawBufferPointer, at i: Int) { self.p = p; self.i = i }

    var atEnd: Bool { i >= p.count }

    mutating func byte() throws(Damaged) -> UInt8 {
        guard i < p.count else { throw Damaged(offset: i, reason: "unexpected end") }
        defer { i += 1 }
        return p[i]
    }

    @inline(__always) mutating func varint() throws(Damaged) -> UInt64 {
        var v: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard i < p.count else { throw Damaged(offset: i, reason: "unexpected end") }
            let b = p[i]
            i += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
            if shift > 63 { throw Damaged(offset: i, reason: "number too long") }
        }
    }

    mutating func int() throws(Damaged) -> Int {
        let v = try varint()
        guard v <= UInt64(Int32.max) else { throw Damaged(offset: i, reason: "count out of range") }
        return Int(v)
    }

    /// A byte position or line number in the journal: 64 bits (a journal of a million
    /// customers is over 5 GB), where counts are held to 32.
    mutating func position() throws(Damaged) -> Int {
        let v = try varint()
        guard v <= UInt64(Int.max) else { throw Damaged(offset: i, reason: "journal position out of range") }
        return Int(v)
    }

    mutating func signed() throws(Damaged) -> Int64 {
        let v = try varint()
        return Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1)
    }

    @inline(__always) mutating func ref() throws(Damaged) -> String? {
        let r = try varint()
        if r == 0 { return nil }
        guard r <= UInt64(table.count) else { throw Damaged(offset: i, reason: "string reference out of range") }
        return table[Int(r - 1)]
    }

    /// A string reference as a number: 0 for none, else table index + 1 (checked).
    @inline(__always) mutating func refIndex() throws(Damaged) -> Int {
        let r = try varint()
        guard r <= UInt64(table.count) else { throw Damaged(offset: i, reason: "string reference out of range") }
        return Int(r)
    }

    mutating func string() throws(Damaged) -> String {
        guard let s = try ref() else { throw Damaged(offset: i, reason: "missing text") }
        return s
    }

    mutating func id(letter: UInt8) throws(Damaged) -> String {
        let n = try varint()
        if n == 0 { return try string() }
        return storeStyleId(letter: letter, n - 1)
    }

    /// An id as its number when it is store-style (`T1042` → 1042, id ""), else (-1, the id):
    /// loaders that key records by number need not format the id and parse it back.
    mutating func numberedId(letter: UInt8) throws(Damaged) -> (number: Int, id: String) {
        let n = try varint()
        if n == 0 { return (-1, try string()) }
        if n - 1 >= 1 && n - 1 < 1_000_000_000 { return (Int(n - 1), "") }
        return (-1, storeStyleId(letter: letter, n - 1))
    }

    mutating func value(depth: Int = 0) throws(Damaged) -> Value {
        guard depth < 64 else { throw Damaged(offset: i, reason: "nested too deeply") }
        switch try byte() {
        case 0: return .null
        case 1: return .bool(false)
        case 2: return .bool(true)
        case 3: return .int(try signed())
        case 4: return .string(try string())
        case 5:
            let n = try int()
            var a: [Value] = []
            a.reserveCapacity(Swift.min(n, 1024))
            for _ in 0..<n { a.append(try value(depth: depth + 1)) }
            return .array(a)
        case 6:
            let n = try int()
            var o: [String: Value] = [:]
            for _ in 0..<n { let k = try string(); o[k] = try value(depth: depth + 1) }
            return .object(o)
        case let t: throw Damaged(offset: i - 1, reason: "unknown value tag \(t)")
        }
    }

    /// Reads the string table written by `ByteWriter.tableBytes()`.
    mutating func readTable() throws(Damaged) {
        let n = try int()
        table.reserveCapacity(n)
        for _ in 0..<n {
            let len = try int()
            guard len <= p.count - i else { throw Damaged(offset: i, reason: "text runs past the end") }
            table.append(String(decoding: UnsafeRawBufferPointer(rebasing: p[i..<i + len]), as: UTF8.self))
            i += len
        }
    }
}
