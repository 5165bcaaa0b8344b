import Foundation
import Testing
@testable import KehuCore

/// The validators skip Foundation for ASCII text (ASCIIText.swift). These tests
/// hold them to the Foundation-based definitions they replaced, on random text
/// built from the characters that matter (ASCII and a few full-width and CJK ones).
@Suite struct ValidatorsFastPathTests {
    /// The definitions as first written (NFKC and NSString trimming on every value).
    enum Reference {
        static func email(_ s: String) -> String? {
            let e = s.precomposedStringWithCompatibilityMapping.lowercased().trimmingCharacters(in: .whitespaces)
            let parts = e.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, parts[1].count >= 3 else { return "bad" }
            let domain = parts[1]
            guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains(".."),
                  domain.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }),
                  parts[0].allSatisfy({ !$0.isWhitespace && $0 != "," && $0 != ";" && $0 != "<" && $0 != ">" })
            else { return "bad" }
            return nil
        }
        static func phoneDigits(_ s: String) -> String {
            let text = s.precomposedStringWithCompatibilityMapping.lowercased()
            var main = Substring(text)
            for marker in ["ext", "转", "x", "#", "分机"] {
                if let r = main.range(of: marker) { main = main[..<r.lowerBound] }
            }
            var digits = main.filter { $0.isASCII && $0.isNumber }
            let lead = main.first { !$0.isWhitespace && $0 != "(" && $0 != "（" }
            let international = lead == "+" || digits.hasPrefix("00")
            var chinese = false
            if digits.hasPrefix("0086") { digits.removeFirst(4); chinese = true }
            else if international && digits.hasPrefix("86") && digits.count >= 11 { digits.removeFirst(2); chinese = true }
            if chinese { return digits.hasPrefix("1") && digits.count == 11 ? digits : (digits.hasPrefix("0") ? digits : "0" + digits) }
            else if digits.hasPrefix("00") { return "+" + digits.dropFirst(2) }
            else if international { return "+" + digits }
            return digits
        }
        static func phoneAllowed(_ s: String) -> Bool {
            let allowed = CharacterSet(charactersIn: "0123456789+-() .#xX转分机extEXT")
            return s.precomposedStringWithCompatibilityMapping.unicodeScalars.allSatisfy { allowed.contains($0) }
        }
        static func postcode(_ s: String) -> Bool {
            let t = s.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
            return t.count == 6 && t.allSatisfy({ $0.isASCII && $0.isNumber })
        }
        static func urlHost(_ s: String) -> String { s.trimmingCharacters(in: .whitespaces).lowercased() }
        /// `Validators.url` before its ASCII byte path.
        static func url(_ s: String) -> String? {
            var t = s.trimmingCharacters(in: .whitespaces).lowercased()
            if t.hasPrefix("https://") { t.removeFirst(8) } else if t.hasPrefix("http://") { t.removeFirst(7) }
            let host = t.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
            let hostOnly = host.split(separator: ":").first.map(String.init) ?? ""
            guard hostOnly.contains("."), !hostOnly.hasPrefix("."), !hostOnly.hasSuffix("."),
                  hostOnly.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }),
                  !t.contains(where: { $0.isWhitespace })
            else { return "bad" }
            return nil
        }
    }

    static let alphabet: [Character] = Array("0123456789012345678901234567+-() .#xXetT@abcAZ.-_,;<>\t\r\n@..:/htps") +
        ["转", "分", "机", "＠", "１", "　", "\u{00A0}", "例", "é", "\r\n"]

    func samples(_ count: Int, seed: UInt64) -> [String] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            String((0..<Int.random(in: 0...16, using: &rng)).map { _ in Self.alphabet.randomElement(using: &rng)! })
        } + ["zhang.wei@example.com.cn", " a@b.co ", "+86 138-0013-8000", "020-3888 8888 转 12", "510000", " 510000\t",
             "ext123", "0086 755 8888 1234", "（+86）13800138000", "\t", ""]
    }

    @Test func emailMatchesReference() {
        for s in samples(20_000, seed: 1) { #expect((Validators.email(s) == nil) == (Reference.email(s) == nil), "\(s.debugDescription)") }
    }

    @Test func whitespaceShortcutMatchesUnicodeForEveryScalar() {
        var wrong: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            if u.isWhitespaceFast != u.properties.isWhitespace { wrong.append(v) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10).map { String($0, radix: 16) })")
    }

    @Test func urlMatchesReference() {
        let extra = ["www.example.com.cn", "HTTPS://Example.com/a b", "http://a.b:8080/x", "/a.b", ":a.b", "a.b:", "a..b", ".a.b",
                     "https://", "http://x", "a.b/", "ftp://a.b", "a_b.c", "a.b.", "example.com\t", "\texample.com"]
        for s in samples(20_000, seed: 4).map({ $0.replacingOccurrences(of: "@", with: "/") }) + extra {
            #expect((Validators.url(s) == nil) == (Reference.url(s) == nil), "\(s.debugDescription)")
        }
    }

    @Test func phoneMatchesReference() {
        for s in samples(20_000, seed: 2) {
            #expect(Normalize.phoneDigits(s) == Reference.phoneDigits(s), "\(s.debugDescription)")
            #expect(s.unicodeScalars.allSatisfy(Validators.isPhoneScalar) || !s.allASCII || !Reference.phoneAllowed(s), "\(s.debugDescription)")
            if s.allASCII {
                #expect(Normalize.nfkc(s).unicodeScalars.allSatisfy(Validators.isPhoneScalar) == Reference.phoneAllowed(s), "\(s.debugDescription)")
                #expect(ASCIIText.phone(s)?.allowed == s.unicodeScalars.allSatisfy(Validators.isPhoneScalar), "\(s.debugDescription)")
            }
        }
    }

    @Test func postcodeAndTrimMatchReference() {
        for s in samples(20_000, seed: 3) {
            #expect((Validators.postcode(s) == nil) == Reference.postcode(s), "\(s.debugDescription)")
            #expect(Normalize.trimmingSpaces(s).lowercased() == Reference.urlHost(s), "\(s.debugDescription)")
            #expect(Normalize.nfkc(s) == s.precomposedStringWithCompatibilityMapping, "\(s.debugDescription)")
        }
    }
}
