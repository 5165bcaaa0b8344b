import Testing
@testable import KehuCore

@Suite struct TerminalTextTests {
    @Test func controlCharactersBecomeVisible() {
        #expect(TerminalText.line("a\u{1B}]0;pwned\u{7}b") == "a^[]0;pwned^Gb")
        #expect(TerminalText.line("\u{1B}[2J") == "^[[2J")
        #expect(TerminalText.line("x\u{7F}") == "x^?")
        #expect(TerminalText.line("\u{9B}31m") == "M-^[31m")          // C1 CSI
        #expect(TerminalText.line("abc\u{202E}def") == "abc<U+202E>def")
        #expect(TerminalText.line("line1\nline2") == "line1⏎line2")
        #expect(TerminalText.line("a\r\nb") == "a⏎b")
        #expect(TerminalText.line("tab\there") == "tab here")
        #expect(TerminalText.line("普通文本 plain") == "普通文本 plain")
    }

    @Test func linesSplitOnAnyNewlineAndExpandTabs() {
        #expect(TerminalText.lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"])
        #expect(TerminalText.lines("\tx") == ["    x"])
        #expect(TerminalText.lines("ab\tx") == ["ab  x"])
        #expect(TerminalText.lines("\u{1B}[2Jboom") == ["^[[2Jboom"])
    }

    @Test func invalidUTF8BecomesReplacementCharacter() {
        let s = TerminalText.decode([0x41, 0xFF, 0xC3, 0x28, 0xE5, 0xBC, 0xA0])
        #expect(s == "A\u{FFFD}\u{FFFD}(张")
    }

    @Test func noOutputScalarIsAControlCharacter() {
        var all = ""
        for v in 0..<0x200 { if let s = Unicode.Scalar(v) { all.unicodeScalars.append(s) } }
        for s in TerminalText.line(all).unicodeScalars {
            #expect(!(s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0)))
        }
    }
}
