import KehuCore

/// A small JSON reader and writer for store lines.
///
/// Hand-written because start-up reads every journal and snapshot line: the
/// brief measured `JSONDecoder` at 4.2 s for ~1M journal-like objects, where a
/// byte-level parser into `Value` does the same work in a fraction of that. The
/// writer emits one line (no newlines inside: `\n` is escaped) with object keys
/// in sorted order, so equal values give equal bytes.
public enum JSONText {
    // MARK: - Writing

    public static func encode(_ v: Value) -> String {
        var out = ""
        write(v, into: &out)
        return out
    }

    public static func write(_ v: Value, into out: inout String) {
        var b: [UInt8] = []
        write(v, into: &b)
        out += String(decoding: b, as: UTF8.self)
    }

    public static func writeObject(_ pairs: [(key: String, value: Value)], into out: inout String) {
        var b: [UInt8] = []
        writeObject(pairs, into: &b)
        out += String(decoding: b, as: UTF8.self)
    }

    public static func writeString(_ s: String, into out: inout String) {
        var b: [UInt8] = []
        writeString(s, into: &b)
        out += String(decoding: b, as: UTF8.self)
    }

    // The byte writers below are the real ones: the journal is written as bytes
    // (building 1M journal lines through String appends took ~20 % of an import).

    public static func write(_ v: Value, into out: inout [UInt8]) {
        switch v {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .int(let i): writeInt(i, into: &out)
        case .string(let s): writeString(s, into: &out)
        case .array(let a):
            out.append(0x5B)
            for (i, x) in a.enumerated() { if i > 0 { out.append(0x2C) }; write(x, into: &out) }
            out.append(0x5D)
        case .object(let o):
            writeObject(o.sorted { $0.key < $1.key }, into: &out)
        }
    }

    /// Writes an object with keys in the given order.
    public static func writeObject(_ pairs: [(key: String, value: Value)], into out: inout [UInt8]) {
        out.append(0x7B)
        var first = true
        for (k, v) in pairs {
            if !first { out.append(0x2C) }
            first = false
            writeString(k, into: &out)
            out.append(0x3A)
            write(v, into: &out)
        }
        out.append(0x7D)
    }

    public static func writeInt<I: BinaryInteger>(_ i: I, into out: inout [UInt8]) {
        if i < 0 { out.append(0x2D) }
        var m = i.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat { d[n] = UInt8(truncatingIfNeeded: m % 10) + 48; m /= 10; n += 1 } while m > 0
            while n > 0 { n -= 1; out.append(d[n]) }
        }
    }

    public static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        // On the contiguous bytes: the scan and the copy were the costliest part of writing an
        // import's journal lines when done through the UTF-8 view.
        let copied: Bool? = s.utf8.withContiguousStorageIfAvailable { b in
            for x in b where x < 0x20 || x == 0x22 || x == 0x5C || x == 0x7F { return false }
            out.append(contentsOf: b)
            return true
        }
        if copied == true { out.append(0x22); return }
        var plain = true
        for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F { plain = false; break }
        if plain { out += s.utf8; out.append(0x22); return }
        // Byte by byte: every byte of a multi-byte UTF-8 sequence is ≥ 0x80, so only
        // ASCII bytes can need escaping and the rest is copied as it is.
        for b in s.utf8 {
            switch b {
            case 0x22: out += "\\\"".utf8
            case 0x5C: out += "\\\\".utf8
            case 0x0A: out += "\\n".utf8
            case 0x0D: out += "\\r".utf8
            case 0x09: out += "\\t".utf8
            case 0..<0x20, 0x7F:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out += "\\u00".utf8
                out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)])
            default: out.append(b)
            }
        }
        out.append(0x22)
    }

    // MARK: - Reading

    public struct ParseError: Error, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "invalid JSON at column \(offset + 1): \(reason)" }
    }

    /// Parses one JSON value that must span the whole buffer (surrounding spaces allowed).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(ParseError) -> Value {
        var p = Parser(b: bytes, i: 0)
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        if p.i != bytes.count { throw ParseError(offset: p.i, reason: "trailing characters") }
        return v
    }

    public static func parse(_ text: String) throws(ParseError) -> Value {
        var s = text
        do {
            return try s.withUTF8 { buf in try parse(buf) }
        } catch let e as ParseError { throw e } catch { throw ParseError(offset: 0, reason: "\(error)") }
    }

    struct Parser {
        let b: UnsafeBufferPointer<UInt8>
        var i: Int

        mutating func skipSpace() {
            while i < b.count, b[i] == 32 || b[i] == 9 || b[i] == 10 || b[i] == 13 { i += 1 }
        }

        func fail(_ r: String) -> ParseError { ParseError(offset: i, reason: r) }

        mutating func value(depth: Int) throws(ParseError) -> Value {
            guard depth < 64 else { throw fail("nested too deeply") }
            guard i < b.count else { throw fail("unexpected end of line") }
            switch b[i] {
            case UInt8(ascii: "{"):
                i += 1
                var o: [String: Value] = [:]
                skipSpace()
                if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return .object(o) }
                while true {
                    skipSpace()
                    guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw fail("expected a key") }
                    let k = try string()
                    skipSpace()
                    guard i < b.count, b[i] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                    i += 1
                    skipSpace()
                    o[k] = try value(depth: depth + 1)
                    skipSpace()
                    guard i < b.count else { throw fail("unexpected end of line") }
                    if b[i] == UInt8(ascii: ",") { i += 1; continue }
                    if b[i] == UInt8(ascii: "}") { i += 1; return .object(o) }
                    throw fail("expected ',' or '}'")
                }
            case UInt8(ascii: "["):
                i += 1
                var a: [Value] = []
                skipSpace()
                if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return .array(a) }
                while true {
                    skipSpace()
                    a.append(try value(depth: depth + 1))
                    skipSpace()
                    guard i < b.count else { throw fail("unexpected end of line") }
                    if b[i] == UInt8(ascii: ",") { i += 1; continue }
                    if b[i] == UInt8(ascii: "]") { i += 1; return .array(a) }
                    throw fail("expected ',' or ']'")
                }
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default: return try number()
            }
        }

        mutating func literal(_ word: StaticString) throws(ParseError) {
            let n = word.utf8CodeUnitCount
            guard i + n <= b.count else { throw fail("unexpected end of line") }
            for k in 0..<n where b[i + k] != word.utf8Start[k] { throw fail("unexpected character") }
            i += n
        }

        mutating func number() throws(ParseError) -> Value {
            let start = i
            var neg = false
            if i < b.count, b[i] == UInt8(ascii: "-") { neg = true; i += 1 }
            var v: Int64 = 0
            var digits = 0
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                let (m, o1) = v.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int64(b[i] - 48))
                if o1 || o2 { throw ParseError(offset: start, reason: "number too large") }
                v = s; digits += 1; i += 1
            }
            guard digits > 0 else { throw ParseError(offset: start, reason: "unexpected character") }
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
                // Fractions are not used by the store (money is a decimal string); keep them as text.
                while i < b.count, (b[i] >= 48 && b[i] <= 57) || b[i] == 46 || b[i] == 101 || b[i] == 69 || b[i] == 43 || b[i] == 45 { i += 1 }
                return .string(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))
            }
            return .int(neg ? -v : v)
        }

        mutating func string() throws(ParseError) -> String {
            i += 1  // opening quote
            let start = i
            var simple = true
            while i < b.count {
                let c = b[i]
                if c == UInt8(ascii: "\"") { break }
                if c == UInt8(ascii: "\\") { simple = false; i += 2; continue }
                if c < 0x20 { throw fail("control character in string") }
                i += 1
            }
            guard i < b.count else { throw ParseError(offset: start - 1, reason: "unterminated string") }
            let raw = UnsafeBufferPointer(rebasing: b[start..<i])
            i += 1
            if simple { return String(decoding: raw, as: UTF8.self) }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(raw.count)
            var k = 0
            while k < raw.count {
                let c = raw[k]
                if c != UInt8(ascii: "\\") { bytes.append(c); k += 1; continue }
                guard k + 1 < raw.count else { throw ParseError(offset: start + k, reason: "bad escape") }
                let e = raw[k + 1]
                k += 2
                switch e {
                case UInt8(ascii: "n"): bytes.append(10)
                case UInt8(ascii: "r"): bytes.append(13)
                case UInt8(ascii: "t"): bytes.append(9)
                case UInt8(ascii: "b"): bytes.append(8)
                case UInt8(ascii: "f"): bytes.append(12)
                case UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "\""): bytes.append(e)
                case UInt8(ascii: "u"):
                    func hex4(_ at: Int) -> UInt32? {
                        guard at + 4 <= raw.count else { return nil }
                        var v: UInt32 = 0
                        for j in at..<at + 4 {
                            let h = raw[j]
                            let d: UInt32
                            switch h {
                            case 48...57: d = UInt32(h - 48)
                            case 65...70: d = UInt32(h - 55)
                            case 97...102: d = UInt32(h - 87)
                            default: return nil
                            }
                            v = v << 4 | d
                        }
                        return v
                    }
                    guard var cp = hex4(k) else { throw ParseError(offset: start + k, reason: "bad \\u escape") }
                    k += 4
                    if (0xD800..<0xDC00).contains(cp), k + 6 <= raw.count, raw[k] == 92, raw[k + 1] == 117, let lo = hex4(k + 2), (0xDC00..<0xE000).contains(lo) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00)
                        k += 6
                    }
                    let scalar = Unicode.Scalar(cp) ?? "\u{FFFD}"
                    bytes.append(contentsOf: Array(String(scalar).utf8))
                default: throw ParseError(offset: start + k - 1, reason: "bad escape")
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
