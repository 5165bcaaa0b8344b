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
        value < 0x80 ? (value == 32 || (value >= 9 && value <= 13)) : properties.isWhitespace
    }
}
