import KehuCore

/// Appends the binary snapshot's primitives: LEB128 varints, zigzag signed
/// numbers, and strings as references into a table written ahead of the body,
/// so that each distinct string (a product, a dictionary code, a customer id
/// that a thousand transactions point at) is stored and decoded once.
struct ByteWriter {
    var bytes: [UInt8] = []
    var table: [String] = []
    private var index: [ExactString: UInt32] = [:]

    init(capacity: Int = 1 << 20) { bytes.reserveCapacity(capacity) }

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    /// Sizes the string table and its index for about `n` distinct strings.
    mutating func reserveStrings(_ n: Int) {
        table.reserveCapacity(n)
        index.reserveCapacity(n)
    }

    mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 { bytes.append(UInt8(truncatingIfNeeded: v) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }

    mutating func int(_ v: Int) { varint(UInt64(v)) }

    mutating func signed(_ v: Int64) { varint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }

    /// Strings referred to lately (see `reference`).
    private var recent = RecentStrings(bits: 12)

    /// A string reference: 0 for nil, else table index + 1.
    ///
    /// The records of a state share their strings, so most references are found
    /// by the string's raw bytes without hashing the text (`RecentStrings`: that
    /// was a quarter of encoding a 100k-customer snapshot); sound because the
    /// table holds every string it remembers.
    mutating func ref(_ s: String?) {
        guard let s else { bytes.append(0); return }
        varint(UInt64(reference(s)))
    }

    /// The reference of `s` (table index + 1), adding it to the table when new.
    mutating func reference(_ s: String) -> UInt32 {
        if let hit = recent.code(of: s) { return hit }
        let i: UInt32
        if let known = index[ExactString(s)] { i = known } else {
            i = UInt32(table.count)
            table.append(s)
            index[ExactString(s)] = i
        }
        recent.remember(s, code: i + 1, held: table[Int(i)])
        return i + 1
    }

    /// The reference of string `code` of a packed table (`strings`), found in this
    /// writer's table once per code and remembered in `refs` (0: not yet).
    mutating func ref(code: UInt32, _ refs: inout [UInt32], _ strings: [String]) {
        guard code != 0 else { bytes.append(0); return }
        let k = Int(code)
        if refs[k] == 0 { refs[k] = reference(strings[k]) }
        varint(UInt64(refs[k]))
    }

    /// An id: the number + 1 when it is `letter` + a canonical number, else 0 and a reference.
    mutating func id(_ id: String, letter: UInt8) {
        var n: UInt64 = 0, i = 0, ok = true
        for b in id.utf8 {
            if i == 0 { ok = b == letter } else { ok = ok && b >= 48 && b <= 57 && !(i == 1 && b == 48) && i <= 15; n = n &* 10 &+ UInt64(b &- 48) }
            if !ok { break }
            i += 1
        }
        if ok && i >= 2 { varint(n + 1) } else { bytes.append(0); ref(id) }
    }

    mutating func value(_ v: Value) {
        switch v {
        case .null: byte(0)
        case .bool(let b): byte(b ? 2 : 1)
        case .int(let i): byte(3); signed(i)
        case .string(let s): byte(4); ref(s)
        case .array(let a): byte(5); int(a.count); for x in a { value(x) }
        case .object(let o):
            byte(6); int(o.count)
            for (k, x) in o.sorted(by: { $0.key < $1.key }) { ref(k); value(x) }
        }
    }

    /// The table as bytes: count, then each string's length and UTF-8.
    func tableBytes() -> [UInt8] {
        var w = ByteWriter(capacity: table.reduce(16) { $0 + $1.utf8.count + 2 })
        w.int(table.count)
        for s in table { w.int(s.utf8.count); w.bytes.append(contentsOf: s.utf8) }
        return w.bytes
    }
}

/// A string compared and hashed by its UTF-8 bytes. `String`'s own hashing
/// normalises non-ASCII text (NFC) first, which was most of the cost of writing
/// a snapshot with a million Chinese product names and notes; byte identity is
/// also the right key for a table meant to give back exactly what was stored.
struct ExactString: Hashable {
    let s: String
    init(_ s: String) { self.s = s }

    static func == (a: ExactString, b: ExactString) -> Bool {
        a.s.sameUTF8(b.s)
    }

    func hash(into h: inout Hasher) {
        var copy = s
        copy.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// A 64-bit checksum of a byte range, eight bytes at a time (about 10 GB/s), so
/// that a damaged snapshot is noticed and replaced by a replay rather than loaded.
func snapshotChecksum(_ p: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    let words = p.count / 8
    for k in 0..<words {
        h = (h ^ p.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self)) &* 0x100_0000_01b3
        h ^= h >> 29
    }
    for k in (words * 8)..<p.count { h = (h ^ UInt64(p[k])) &* 0x100_0000_01b3 }
    return h
}
