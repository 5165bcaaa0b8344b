/// Strings stored once and referred to by a 32-bit code (0 is nil).
///
/// A million transactions name a few hundred products, one currency and a
/// hundred thousand customers; a pool keeps each of those strings once and lets
/// a row hold 4-byte codes instead of 16-byte `String`s (and, for strings over
/// 15 bytes, a heap allocation each).
public struct StringPool: Sendable {
    @usableFromInline var strings: [String] = [""]
    @usableFromInline var codes: [String: UInt32] = [:]
    /// Recently coded strings by their 16 raw bytes. A loader hands over the same
    /// `String` (same storage) for every row that names one product or note, so
    /// most lookups are answered here without hashing the text (hashing a
    /// Chinese string means normalising it first: the slowest step of a load).
    /// Sound because the pool keeps every coded string alive in `strings`, so a
    /// storage address seen here cannot be reused for another text.
    @usableFromInline var recent = [RecentEntry](repeating: RecentEntry(), count: 256)

    @usableFromInline struct RecentEntry: Sendable {
        @usableFromInline var a: UInt64 = 0
        @usableFromInline var b: UInt64 = 0
        @usableFromInline var code: UInt32 = 0
        @inlinable init() {}
    }

    public init() {}

    /// True when `strings` has entries that `codes` does not index yet (see `appendDistinct`).
    @usableFromInline var codesBehind = false

    /// Adds a string known to be distinct from every other in the pool (a loader's
    /// deduplicated table), without indexing it: the text → code index is only
    /// needed to code new strings, so it is built on the first such need. At 100k
    /// customers that saves two 100k-entry dictionaries (~10 MB) and their hashing at start.
    public mutating func appendDistinct(_ s: String) -> UInt32 {
        strings.append(s)
        codesBehind = true
        return UInt32(strings.count - 1)
    }

    @usableFromInline mutating func catchUpCodes() {
        codes.reserveCapacity(strings.count)
        for (i, s) in strings.enumerated() where i > 0 && codes[s] == nil { codes[s] = UInt32(i) }
        codesBehind = false
    }

    /// The code of `s`, adding it when new; nil → 0.
    @inlinable public mutating func code(_ s: String?) -> UInt32 {
        guard let s else { return 0 }
        if codesBehind { catchUpCodes() }
        let (a, b) = unsafeBitCast(s, to: (UInt64, UInt64).self)
        let slot = Int(truncatingIfNeeded: ((a &* 0x9E37_79B9_7F4A_7C15) ^ b) >> 56)
        let hit = recent[slot]
        if hit.code != 0, hit.a == a, hit.b == b { return hit.code }
        let c: UInt32
        if let known = codes[s] { c = known } else {
            c = UInt32(strings.count)
            strings.append(s)
            codes[s] = c
        }
        // Only a string the pool itself holds may be remembered by address.
        let held = unsafeBitCast(strings[Int(c)], to: (UInt64, UInt64).self)
        if held == (a, b) { recent[slot] = RecentEntry(a: a, b: b, code: c) }
        return c
    }

    @inlinable public func string(_ code: UInt32) -> String? { code == 0 ? nil : strings[Int(code)] }

    public var count: Int { strings.count - 1 }
}

extension StringPool.RecentEntry {
    @inlinable init(a: UInt64, b: UInt64, code: UInt32) { self.a = a; self.b = b; self.code = code }
}
