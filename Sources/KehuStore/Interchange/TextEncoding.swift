import Foundation

/// The character encodings a spreadsheet file arrives in, and how to turn its
/// bytes into UTF-8.
///
/// Chinese Excel saves "CSV" in the ANSI code page, which on a Chinese Windows is
/// GBK (a subset of GB18030); "CSV UTF-8" adds a byte-order mark; "Unicode text"
/// is UTF-16LE with a BOM. Detection is: a BOM decides; otherwise bytes that are
/// valid UTF-8 are UTF-8 (GBK text is almost never valid UTF-8 because its
/// trail bytes fall in 0x40–0x7E); anything else is GB18030.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case gb18030
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"

    /// Foundation's encoding for GB18030-2000 (`kCFStringEncodingGB_18030_2000`),
    /// which decodes GBK and GB2312 too.
    public static let foundationGB18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Parses a user's `--encoding` value (`utf8`, `UTF-8`, `gbk`, `gb2312`, `gb18030`, `utf-8-bom` …).
    public init?(name: String) {
        let k = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch k {
        case "utf-8", "utf8": self = .utf8
        case "utf-8-bom", "utf8-bom", "utf-8bom", "utf-8-sig", "utf8bom": self = .utf8BOM
        case "gb18030", "gbk", "gb2312", "cp936", "936", "ansi", "gb-18030": self = .gb18030
        case "utf-16le", "utf16le", "utf-16", "unicode": self = .utf16le
        case "utf-16be", "utf16be": self = .utf16be
        default: return nil
        }
    }

    /// Guesses the encoding of a file's bytes (see the type's discussion).
    public static func detect(_ bytes: [UInt8]) -> TextEncoding {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16le }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16be }
        return isValidUTF8(bytes) ? .utf8 : .gb18030
    }

    /// True when the bytes are well-formed UTF-8 (shortest forms, no surrogates).
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { p in
            let n = p.count
            var i = 0
            while i < n {
                // Skip ASCII eight bytes at a time.
                while i + 8 <= n {
                    let w = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    if w & 0x8080_8080_8080_8080 != 0 { break }
                    i += 8
                }
                guard i < n else { return true }
                let b = p[i]
                if b < 0x80 { i += 1; continue }
                let len: Int
                var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
                switch b {
                case 0xC2...0xDF: len = 2
                case 0xE0: len = 3; lo = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: len = 3
                case 0xED: len = 3; hi = 0x9F
                case 0xF0: len = 4; lo = 0x90
                case 0xF1...0xF3: len = 4
                case 0xF4: len = 4; hi = 0x8F
                default: return false
                }
                guard i + len <= n else { return false }
                let b1 = p[i + 1]
                guard b1 >= lo && b1 <= hi else { return false }
                for k in 2..<len where p[i + k] & 0xC0 != 0x80 { return false }
                i += len
            }
            return true
        }
    }

    /// The bytes as UTF-8 without a BOM.
    /// - Throws: `InterchangeError.encoding` when the bytes are not in this encoding.
    public func utf8Bytes(_ bytes: [UInt8], path: String) throws -> [UInt8] {
        switch self {
        case .utf8:
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
            guard TextEncoding.isValidUTF8(bytes) else { throw InterchangeError.encoding(path: path, encoding: rawValue) }
            return bytes
        case .utf8BOM:
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            guard TextEncoding.isValidUTF8(body) else { throw InterchangeError.encoding(path: path, encoding: rawValue) }
            return body
        case .gb18030, .utf16le, .utf16be:
            var data = Data(bytes)
            if self == .utf16le, bytes.starts(with: [0xFF, 0xFE]) { data = data.dropFirst(2) }
            if self == .utf16be, bytes.starts(with: [0xFE, 0xFF]) { data = data.dropFirst(2) }
            let enc: String.Encoding = self == .gb18030 ? TextEncoding.foundationGB18030
                : (self == .utf16le ? .utf16LittleEndian : .utf16BigEndian)
            guard let s = String(data: data, encoding: enc) else { throw InterchangeError.encoding(path: path, encoding: rawValue) }
            return Array(s.utf8)
        }
    }

    /// Encodes text for writing (with a BOM for `utf-8-bom` and UTF-16, which Excel needs
    /// to recognise them).
    public func encode(_ text: String) throws -> Data {
        switch self {
        case .utf8: return Data(text.utf8)
        case .utf8BOM: return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        case .gb18030:
            guard let d = text.data(using: TextEncoding.foundationGB18030) else { throw InterchangeError.unencodable(encoding: rawValue) }
            return d
        case .utf16le: return Data([0xFF, 0xFE]) + (text.data(using: .utf16LittleEndian) ?? Data())
        case .utf16be: return Data([0xFE, 0xFF]) + (text.data(using: .utf16BigEndian) ?? Data())
        }
    }
}
