/// Strings stored once and referred to by a 32-bit code (0 is nil).
///
/// A million transactions name a few hundred products, one currency and a
/// hundred thousand customers; a pool keeps each of those strings once and lets
/// a row hold 4-byte codes instead of 16-byte `String`s (and, for strings over
/// 15 bytes, a heap allocation each).
public struct StringPool: Sendable {
    @usableFromInline var strings: [String] = [""]
    @usableFromInline var codes: [String: UInt32] = [:]
    /// Recently coded strings by their raw bytes: a loader hands over the same `String`
    /// (same storage) for every row that names one product or note, so most lookups
    /// are answered without hashing the text (see `RecentStrings`; sound because the
    /// pool keeps every coded string alive in `strings`).
    @usableFromInline var recent = RecentStrings(bits: 8)

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
        if let hit = recent.code(of: s) { return hit }
        let c: UInt32
        if let known = codes[s] { c = known } else {
            c = UInt32(strings.count)
            strings.append(s)
            codes[s] = c
        }
        recent.remember(s, code: c, held: strings[Int(c)])
        return c
    }

    @inlinable public func string(_ code: UInt32) -> String? { code == 0 ? nil : strings[Int(code)] }

    public var count: Int { strings.count - 1 }
}
