/// Codes of strings met lately, found by a string's 16 raw bytes — its text
/// when it is short, its storage when it is long — without hashing the text.
///
/// Records share their strings (a table's `StringPool` hands out the same
/// `String` for every row that names one product or note), so most lookups of a
/// pass over a million rows are answered here; hashing a Chinese string means
/// normalising it first. Sound only when the owner keeps every remembered string
/// alive (so a storage address seen here is never reused for another text):
/// `remember` takes the string the owner holds, and forgets nothing else.
public struct RecentStrings: Sendable {
    @usableFromInline var slots: [Slot]
    @usableFromInline let shift: UInt64

    @usableFromInline struct Slot: Sendable {
        @usableFromInline var a: UInt64 = 0, b: UInt64 = 0, code: UInt32 = 0
        @inlinable init() {}
        @inlinable init(a: UInt64, b: UInt64, code: UInt32) { self.a = a; self.b = b; self.code = code }
    }

    /// `2^bits` slots, direct-mapped.
    public init(bits: Int) {
        slots = [Slot](repeating: Slot(), count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    @inlinable static func bits(_ s: String) -> (UInt64, UInt64) { unsafeBitCast(s, to: (UInt64, UInt64).self) }

    @inlinable func slot(_ a: UInt64, _ b: UInt64) -> Int { Int(truncatingIfNeeded: ((a &* 0x9E37_79B9_7F4A_7C15) ^ b) >> shift) }

    /// The code remembered for `s` (never 0), or nil.
    @inlinable public func code(of s: String) -> UInt32? {
        let (a, b) = Self.bits(s)
        let hit = slots[slot(a, b)]
        return hit.code != 0 && hit.a == a && hit.b == b ? hit.code : nil
    }

    /// Remembers `code` (not 0) for `s` when `held`, the string the owner keeps for
    /// that code, is the same `String` (same bits); otherwise remembers nothing.
    @inlinable public mutating func remember(_ s: String, code: UInt32, held: String) {
        let (a, b) = Self.bits(s)
        guard Self.bits(held) == (a, b) else { return }
        slots[slot(a, b)] = Slot(a: a, b: b, code: code)
    }
}
