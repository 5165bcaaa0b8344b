import Testing
import KehuCore
@testable import KehuTUI

/// Data from other users and imports is drawn on this user's terminal: it must
/// never reach it as control sequences.
@Suite struct HostileDataTests {
    static let hostileName = "Evil\u{1B}]0;pwned\u{07}Corp\u{1B}[2J"
    static let invalidUTF8Note = TerminalText.decode([0x6E, 0x6F, 0x74, 0x65, 0xFF, 0xFE, 0x0A, 0x1B, 0x5B, 0x33, 0x31, 0x6D, 0xE5, 0xBC])

    func hostileState(width: Int, height: Int) -> AppState {
        let snap = Fixture.snapshot(extra: [
            .create(.customer, ["name": .string(Self.hostileName), "region": "华南", "owner": "mallory",
                                "notes": .string("line\u{9B}31m\u{202E}reversed\u{0}nul"), "tags": .array(["\u{1B}P+q", "ok"])]),
            .create(.interaction, ["customer": "C5", "at": "2026-11-24T01:00:00Z", "channel": "电话",
                                   "note": .string(Self.invalidUTF8Note), "by": "mallory"]),
            .create(.contact, ["customer": "C5", "name": "\u{1B}[1;1H\u{1B}[J假人", "email": "x@evil.com"]),
        ])
        var s = Fixture.state(width: width, height: height, snapshot: snap)
        s.selectedId = "C5"; s.refilter()
        return s
    }

    func assertClean(_ g: Grid) {
        for c in g.cells {
            for u in c.text.unicodeScalars {
                #expect(!(u.value < 0x20 || (u.value >= 0x7F && u.value < 0xA0)), "control U+\(String(u.value, radix: 16)) in a cell")
                #expect(!(0x202A...0x202E).contains(u.value) && !(0x2066...0x2069).contains(u.value), "bidi control in a cell")
            }
        }
    }

    @Test func listAndDetailShowEscapesVisibly() {
        for (w, h) in [(80, 24), (120, 40), (200, 50)] {
            var s = hostileState(width: w, height: h)
            let list = Screen.render(s).grid
            assertClean(list)
            #expect(list.text.contains("Evil^[]0;p"), "\(w)x\(h)")
            Fixture.keys(&s, [.enter])
            var text = ""
            for _ in 0..<12 {
                let g = Screen.render(s).grid
                assertClean(g)
                text += g.text
                Fixture.keys(&s, [.pageDown])
            }
            #expect(text.contains("^[[2J"))
            #expect(text.contains("M-^[31m<U+202E>reversed^@nul"))
            #expect(text.contains("note\u{FFFD}\u{FFFD}"))
            #expect(text.contains("^[[31m\u{FFFD}"))
            #expect(text.contains("^[[1;1H^[[J假人"))
            #expect(text.contains("#^[P+q"))
        }
    }

    @Test func formsAndStatusLineAreClean() {
        var s = hostileState(width: 80, height: 24)
        Fixture.keys(&s, [.char("e")])
        assertClean(Screen.render(s).grid)
        Fixture.keys(&s, [.escape, .char("/")])
        Fixture.type(&s, "\u{1B}[2J")
        let g = Screen.render(s).grid
        assertClean(g)
        #expect(g.text.contains("^[[2J"))
    }

    @Test func gridPutNeverSplitsWideCharacters() {
        var g = Grid(width: 7, height: 1)
        g.put("张伟张伟", x: 0, y: 0)
        #expect(g.row(0) == "张伟张…")
        g.put("x", x: 1, y: 0)            // overwrite half of 张: the other half is blanked
        #expect(g.row(0) == " x伟张…")
        var w = Grid(width: 6, height: 1)
        w.put("张伟张伟", x: 0, y: 0)      // a wide char that would straddle the edge is dropped whole
        #expect(w.row(0) == "张伟… ")
        var h = Grid(width: 5, height: 1)
        h.put("ab张伟", x: 0, y: 0, maxWidth: 5)
        #expect(h.row(0) == "ab张…")
        #expect(h.row(0).displayWidth == 5)
    }
}
