/// Strings stored once and referred to by a 32-bit code (0 is nil).
///
/// A million transactions name a few hundred products, one currency and a
/// hundred thousand customers; a pool keeps each of those strings once and lets
/// a row hold 4-byte codes instead of 16-byte `String`s (and, for strings over
/// 15 bytes, a heap allocation each).
public struct StringPool: Sendable {
    @usableFromInline var strings: [String] = [""]
    @usableFromInline var codes: [String: UInt32] = [:]

    public init() {}

    /// The code of `s`, adding it when new; nil → 0.
    @inlinable public mutating func code(_ s: String?) -> UInt32 {
        guard let s else { return 0 }
        if let c = codes[s] { return c }
        let c = UInt32(strings.count)
        strings.append(s)
        codes[s] = c
        return c
    }

    @inlinable public func string(_ code: UInt32) -> String? { code == 0 ? nil : strings[Int(code)] }

    public var count: Int { strings.count - 1 }
}
