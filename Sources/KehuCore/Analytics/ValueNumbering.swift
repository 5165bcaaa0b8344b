/// Numbers the distinct values of a field (0, 1, 2 … in order of first sight) for
/// grouping 100k customers by a handful of codes.
///
/// A dictionary lookup per customer hashes the code, and hashing a Chinese string
/// (华南) normalises it first. Codes decoded from a snapshot are the same `String`
/// for every customer that has them, and short ones are stored inline, so a
/// string's 16 raw bytes recognise a value seen before without hashing it; the
/// dictionary answers only the first sight of each (or a collision in the small cache).
struct ValueNumbering {
    private var known: [String: Int] = [:]
    private var recent = [(a: UInt64, b: UInt64, number: Int)](repeating: (0, 0, -1), count: 64)
    /// Every string seen, kept alive so a remembered storage address stays that string's.
    private var held: [String] = []

    /// The number of `value`, appending it to `values` when it is new.
    mutating func number(_ value: String, values: inout [String]) -> Int {
        let (a, b) = unsafeBitCast(value, to: (UInt64, UInt64).self)
        let slot = Int(truncatingIfNeeded: ((a &* 0x9E37_79B9_7F4A_7C15) ^ b) >> 58)
        let hit = recent[slot]
        if hit.number >= 0 && hit.a == a && hit.b == b { return hit.number }
        let v: Int
        if let k = known[value] { v = k } else { v = values.count; known[value] = v; values.append(value) }
        held.append(value)
        recent[slot] = (a, b, v)
        return v
    }
}
