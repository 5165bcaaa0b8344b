import Testing
import KehuCore
@testable import KehuTUI

/// The duplicates pane as text (`Snapshots/duplicates-*.txt`), in both
/// languages at 80×24 and 120×40 (where the queue stands on the left).
@Suite struct DuplicatesScreenTests {
    @Test(arguments: [Language.zh, .en])
    func reviewPane(_ lang: Language) throws {
        for (w, h) in ScreenSnapshotTests.sizes {
            var s = DuplicatesFixture.state(width: w, height: h, lang: lang)
            DuplicatesFixture.opened(&s)
            DuplicatesFixture.focus(&s, "phone")
            Fixture.keys(&s, [.right])
            try ScreenSnapshotTests().check("duplicates-\(lang.rawValue)-\(w)x\(h)", s)
        }
    }

    @Test func everyLineFitsAndWideCharactersStayWhole() {
        for (w, h) in [(80, 24), (100, 30), (120, 40), (200, 50), (40, 12)] {
            for lang in [Language.zh, .en] {
                var s = DuplicatesFixture.state(width: w, height: h, lang: lang)
                DuplicatesFixture.opened(&s)
                let g = Screen.render(s).grid
                for y in 0..<g.height {
                    #expect(g.row(y).displayWidth <= w, "\(w)x\(h) \(lang) row \(y)")
                    // A wide character's second half never stands alone.
                    for x in 1..<g.width where g[x, y].isContinuation { #expect(g[x - 1, y].width == 2) }
                }
            }
        }
    }
}
