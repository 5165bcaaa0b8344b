/// ASCII shortcuts for the validators and normal forms.
///
/// Almost every phone, email, URL and postcode is plain ASCII, and for ASCII
/// text NFKC is the identity and the Unicode letter/digit/space properties are
/// simple byte ranges. Going through Foundation's normalisation and the Unicode
/// property tables for such values cost ~85 % of validating a customer (perf,
/// `kehu import customers` of 100k rows: 11 s CPU before these shortcuts);
/// non-ASCII text still takes the general path, so results never differ.
extension String {
    /// Every UTF-8 byte is below 0x80.
    @inlinable var allASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }

    /// Byte-for-byte equality. `==` is canonical equivalence, which for Chinese
    /// text goes through Unicode's slow path; where the same spelling is the
    /// common case (dictionary codes, a snapshot's string table) compare bytes.
    @inlinable public func sameUTF8(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        if let r = utf8.withContiguousStorageIfAvailable({ a in other.utf8.withContiguousStorageIfAvailable { b in a.elementsEqual(b) } }), let r {
            return r
        }
        return utf8.elementsEqual(other.utf8)
    }
}

extension Character {
    /// `isLetter || isNumber`, without the Unicode tables for ASCII.
    @inlinable var isLetterOrDigit: Bool {
        if let a = asciiValue { return (a >= 48 && a <= 57) || (a | 0x20 >= 97 && a | 0x20 <= 122) }
        return isLetter || isNumber
    }

    /// `isWhitespace`, without the Unicode tables for ASCII (tab … CR, space).
    @inlinable var isSpaceFast: Bool {
        if let a = asciiValue { return a == 32 || (a >= 9 && a <= 13) }
        return isWhitespace
    }

    /// An ASCII digit 0–9 (what `isASCII && isNumber` means).
    @inlinable var isASCIIDigit: Bool {
        if let a = asciiValue { return a >= 48 && a <= 57 }
        return false
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace`, without the Unicode tables for ASCII (tab … CR, space).
    @inlinable public var isWhitespaceFast: Bool {
        // Unicode has no white space above U+3000 (the ideographic space): CJK text, most of
        // what an import trims, skips the property tables.
        value < 0x80 ? (value == 32 || (value >= 9 && value <= 13)) : (value <= 0x3000 && properties.isWhitespace)
    }
}

/// Byte-level forms of the validators for ASCII text: the Character-based rules
/// (`split`, `allSatisfy` over grapheme clusters) were most of checking a
/// customer at import (~1.2 s of CPU for 100k customers). Each returns nil when
/// it cannot decide (non-ASCII text, unusual shapes): the general rule decides.
/// `ValidatorsFastPathTests` holds them to the general rules on random text.
enum ASCIIText {
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 32 || (b >= 9 && b <= 13) }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b | 0x20 >= 97 && b | 0x20 <= 122) }

    /// The bytes without the spaces and tabs at either end (what `Normalize.trimmingSpaces` does to ASCII).
    @inline(__always) static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lo = 0, hi = b.count
        while lo < hi, b[lo] == 32 || b[lo] == 9 { lo += 1 }
        while hi > lo, b[hi - 1] == 32 || b[hi - 1] == 9 { hi -= 1 }
        return lo..<hi
    }

    /// Whether an ASCII email is valid under `Validators.email`'s rules; nil for other text.
    static func email(_ s: String) -> Bool? {
        var s = s
        return s.withUTF8 { b -> Bool? in
            guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
            let r = trimmed(b)
            var at = -1
            for i in r where b[i] == 64 { if at >= 0 { return false }; at = i }
            guard at >= 0 else { return false }
            let local = r.lowerBound..<at, domain = (at + 1)..<r.upperBound
            // Any space makes it invalid, so byte counts are Character counts here ("\r\n" is one Character).
            guard !local.isEmpty, local.count <= 64, domain.count >= 3 else { return false }
            for i in local where isSpace(b[i]) || b[i] == 44 || b[i] == 59 || b[i] == 60 || b[i] == 62 { return false }
            var dot = false
            for i in domain {
                let c = b[i]
                if c == 46 {
                    if i == domain.lowerBound || i == domain.upperBound - 1 || b[i - 1] == 46 { return false }
                    dot = true
                } else if !(isAlnum(c) || c == 45) { return false }
            }
            return dot
        }
    }

    /// Whether an ASCII URL is valid under `Validators.url`'s rules; nil for other text
    /// and for shapes where splitting on `/` or `:` drops empty parts (a leading `/` or `:`).
    static func url(_ s: String) -> Bool? {
        var s = s
        return s.withUTF8 { b -> Bool? in
            guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
            var r = trimmed(b)
            func lower(_ i: Int) -> UInt8 { let c = b[i]; return c >= 65 && c <= 90 ? c | 0x20 : c }
            func hasPrefix(_ p: StaticString) -> Bool {
                guard r.count >= p.utf8CodeUnitCount else { return false }
                for k in 0..<p.utf8CodeUnitCount where lower(r.lowerBound + k) != p.utf8Start[k] { return false }
                return true
            }
            if hasPrefix("https://") { r = (r.lowerBound + 8)..<r.upperBound } else if hasPrefix("http://") { r = (r.lowerBound + 7)..<r.upperBound }
            guard !r.isEmpty, b[r.lowerBound] != 47, b[r.lowerBound] != 58 else { return nil }
            for i in r where isSpace(b[i]) { return false }
            var end = r.lowerBound
            while end < r.upperBound, b[end] != 47, b[end] != 58 { end += 1 }
            let host = r.lowerBound..<end
            var dot = false
            for i in host {
                let c = b[i]
                if c == 46 { dot = true } else if !(isAlnum(c) || c == 45) { return false }
            }
            return dot && b[host.lowerBound] != 46 && b[host.upperBound - 1] != 46
        }
    }

    /// For ASCII text: whether every character may be in a phone number
    /// (`Validators.isPhoneScalar`) and `Normalize.phoneDigits`; nil for other text.
    static func phone(_ s: String) -> (allowed: Bool, digits: String)? {
        var s = s
        return s.withUTF8 { b -> (Bool, String)? in
            guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
            @inline(__always) func lower(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c | 0x20 : c }
            var allowed = true
            for c in b {
                switch c {
                case 48...57, 43, 45, 40, 41, 32, 46, 35, 120, 88, 101, 69, 116, 84: continue
                default: allowed = false
                }
            }
            // Before the first extension marker: `x`, `#`, or `ext`.
            var end = b.count
            for i in 0..<b.count {
                let c = lower(b[i])
                if c == 120 || c == 35 || (c == 101 && i + 2 < b.count && lower(b[i + 1]) == 120 && lower(b[i + 2]) == 116) { end = i; break }
            }
            var digits: [UInt8] = []
            digits.reserveCapacity(end + 1)
            var lead: UInt8 = 0
            for i in 0..<end {
                let c = b[i]
                if c >= 48 && c <= 57 { digits.append(c) }
                if lead == 0 && !isSpace(c) && c != 40 { lead = c }
            }
            func starts(_ p: [UInt8]) -> Bool { digits.count >= p.count && digits[..<p.count].elementsEqual(p) }
            let international = lead == 43 || starts([48, 48])
            var chinese = false
            if starts([48, 48, 56, 54]) { digits.removeFirst(4); chinese = true }
            else if international && starts([56, 54]) && digits.count >= 11 { digits.removeFirst(2); chinese = true }
            if chinese {
                if !(starts([49]) && digits.count == 11) && !starts([48]) { digits.insert(48, at: 0) }
            } else if starts([48, 48]) { digits.removeFirst(2); digits.insert(43, at: 0) }
            else if international { digits.insert(43, at: 0) }
            return (allowed, String(decoding: digits, as: UTF8.self))
        }
    }
}
