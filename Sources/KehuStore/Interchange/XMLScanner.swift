/// A minimal pull tokenizer for the XML inside XLSX files.
///
/// Why not `XMLParser`: on Linux it lives in FoundationXML (libxml2 plus a
/// callback and a bridged `String` per event), and a 100k-row sheet is mostly
/// tiny `<c><v>…</v></c>` elements, so we expect most of its time to go to
/// the bridging (not measured side by side). OOXML parts are machine-written, UTF-8, namespace-prefixed at most,
/// with no DTDs, so a byte scanner that yields start tags, end tags and text is
/// enough. Names are compared by local name (after any `x:` prefix).
struct XMLScanner {
    enum Token {
        /// `name` and `attributes` are byte ranges into the buffer.
        case start(name: Range<Int>, attributes: Range<Int>, selfClosing: Bool)
        case end(name: Range<Int>)
        /// Raw text between tags (entities not yet decoded); `cdata` is literal.
        case text(Range<Int>, cdata: Bool)
    }

    let p: UnsafeBufferPointer<UInt8>
    var i = 0

    init(_ p: UnsafeBufferPointer<UInt8>) { self.p = p }

    mutating func next() -> Token? {
        let n = p.count
        while i < n {
            if p[i] != 60 {  // text up to the next '<'
                let s = i
                while i < n && p[i] != 60 { i += 1 }
                return .text(s..<i, cdata: false)
            }
            // p[i] == '<'
            guard i + 1 < n else { i = n; return nil }
            let c = p[i + 1]
            if c == 63 { skip(past: [63, 62]); continue }  // <? … ?>
            if c == 33 {  // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE >
                if matches(i + 2, [45, 45]) { skip(past: [45, 45, 62]); continue }
                if matches(i + 2, Array("[CDATA[".utf8)) {
                    let s = i + 9
                    skip(past: [93, 93, 62])
                    return .text(s..<max(s, i - 3), cdata: true)
                }
                skip(past: [62]); continue
            }
            if c == 47 {  // </name>
                let s = i + 2
                var e = s
                while e < n && p[e] != 62 && !isSpace(p[e]) { e += 1 }
                i = e
                while i < n && p[i] != 62 { i += 1 }
                i += 1
                return .end(name: localName(s..<e))
            }
            let s = i + 1
            var e = s
            while e < n && p[e] != 62 && p[e] != 47 && !isSpace(p[e]) { e += 1 }
            // Attributes run to the '>' that is not inside quotes.
            var k = e
            var quote: UInt8 = 0
            while k < n {
                let b = p[k]
                if quote != 0 { if b == quote { quote = 0 } } else if b == 34 || b == 39 { quote = b } else if b == 62 { break }
                k += 1
            }
            let selfClosing = k > e && p[k - 1] == 47
            let attrs = e..<(selfClosing ? k - 1 : k)
            i = k + 1
            return .start(name: localName(s..<e), attributes: attrs, selfClosing: selfClosing)
        }
        return nil
    }

    @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }

    func matches(_ at: Int, _ bytes: [UInt8]) -> Bool {
        guard at + bytes.count <= p.count else { return false }
        for (k, b) in bytes.enumerated() where p[at + k] != b { return false }
        return true
    }

    mutating func skip(past bytes: [UInt8]) {
        while i < p.count {
            if matches(i, bytes) { i += bytes.count; return }
            i += 1
        }
    }

    func localName(_ r: Range<Int>) -> Range<Int> {
        var k = r.upperBound
        while k > r.lowerBound { if p[k - 1] == 58 { return k..<r.upperBound }; k -= 1 }
        return r
    }

    /// True when the bytes in `r` spell `name` (ASCII).
    @inline(__always) func equal(_ r: Range<Int>, _ name: StaticString) -> Bool {
        guard r.count == name.utf8CodeUnitCount else { return false }
        let q = name.utf8Start
        for k in 0..<r.count where p[r.lowerBound + k] != q[k] { return false }
        return true
    }

    /// The decoded value of an attribute (matched by local name), or nil.
    func attribute(_ attrs: Range<Int>, _ name: StaticString) -> String? {
        var k = attrs.lowerBound
        let end = attrs.upperBound
        while k < end {
            while k < end && (isSpace(p[k])) { k += 1 }
            let ns = k
            while k < end && p[k] != 61 && !isSpace(p[k]) { k += 1 }
            let nameRange = localName(ns..<k)
            while k < end && p[k] != 34 && p[k] != 39 { k += 1 }
            guard k < end else { return nil }
            let q = p[k]
            k += 1
            let vs = k
            while k < end && p[k] != q { k += 1 }
            let vr = vs..<k
            k += 1
            if equal(nameRange, name) { return decode(vr) }
        }
        return nil
    }

    /// Text with the five XML entities, numeric references and Excel's `_xHHHH_`
    /// escapes (for control characters) decoded.
    func decode(_ r: Range<Int>, cdata: Bool = false) -> String {
        let slice = UnsafeBufferPointer(rebasing: p[r])
        if cdata || !slice.contains(where: { $0 == 38 || $0 == 95 }) { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(r.count)
        var k = r.lowerBound
        while k < r.upperBound {
            let b = p[k]
            if b == 38, let semi = (k + 1..<min(r.upperBound, k + 12)).first(where: { p[$0] == 59 }) {
                let ent = String(decoding: UnsafeBufferPointer(rebasing: p[(k + 1)..<semi]), as: UTF8.self)
                var scalar: UnicodeScalar?
                switch ent {
                case "lt": scalar = "<"
                case "gt": scalar = ">"
                case "amp": scalar = "&"
                case "quot": scalar = "\""
                case "apos": scalar = "'"
                default:
                    if ent.hasPrefix("#x") || ent.hasPrefix("#X") { scalar = UInt32(ent.dropFirst(2), radix: 16).flatMap(UnicodeScalar.init) }
                    else if ent.hasPrefix("#") { scalar = UInt32(ent.dropFirst()).flatMap(UnicodeScalar.init) }
                }
                if let scalar { out.append(contentsOf: Array(String(Character(scalar)).utf8)); k = semi + 1; continue }
            }
            if b == 95, k + 6 < r.upperBound, p[k + 1] == 120, p[k + 6] == 95,
               let v = UInt32(String(decoding: UnsafeBufferPointer(rebasing: p[(k + 2)..<(k + 6)]), as: UTF8.self), radix: 16),
               let scalar = UnicodeScalar(v) {
                out.append(contentsOf: Array(String(Character(scalar)).utf8)); k += 7; continue
            }
            out.append(b); k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
