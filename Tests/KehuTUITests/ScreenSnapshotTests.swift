import Foundation
import Testing
import KehuCore
@testable import KehuTUI

/// Screens as text, compared with `Snapshots/*.txt`. To accept a change on
/// purpose: `KEHU_UPDATE_SNAPSHOTS=1 swift test --filter ScreenSnapshotTests`,
/// then review the diff.
@Suite struct ScreenSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    func check(_ name: String, _ s: AppState, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = Screen.render(s).grid.trimmedText + "\n"
        let url = Self.folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["KEHU_UPDATE_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no snapshot \(url.path); run with KEHU_UPDATE_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        #expect(text == expected, "\(name) differs from \(url.lastPathComponent)", sourceLocation: sourceLocation)
    }

    static let sizes = [(80, 24), (120, 40)]

    @Test(arguments: [Language.zh, .en])
    func panes(_ lang: Language) throws {
        for (w, h) in Self.sizes {
            let tag = "\(lang.rawValue)-\(w)x\(h)"
            var s = Fixture.state(width: w, height: h, lang: lang)
            Fixture.keys(&s, [.char("j"), .char("j")])              // 广州市人易…
            try check("list-\(tag)", s)
            Fixture.keys(&s, [.enter])
            try check("detail-\(tag)", s)
            Fixture.keys(&s, [.char("3")])
            try check("dashboard-\(tag)", s)
            Fixture.keys(&s, [.char("4")])
            try check("agenda-\(tag)", s)
            Fixture.keys(&s, [.char("?")])
            try check("help-\(tag)", s)
        }
    }

    @Test(arguments: [Language.zh, .en])
    func formsAndFilter(_ lang: Language) throws {
        for (w, h) in Self.sizes {
            let tag = "\(lang.rawValue)-\(w)x\(h)"
            var s = Fixture.state(width: w, height: h, lang: lang)
            Fixture.keys(&s, [.char("/")]); Fixture.type(&s, "zw")
            try check("filter-\(tag)", s)
            Fixture.keys(&s, [.enter, .char("e"), .tab, .tab])
            Fixture.type(&s, "bad")                                  // externalId is free text; move to region next
            Fixture.keys(&s, [.tab, .enter])
            try check("edit-\(tag)", s)
            Fixture.keys(&s, [.escape, .escape, .char("i")])
            Fixture.type(&s, "")
            Fixture.keys(&s, [.tab]); Fixture.type(&s, "电话确认需求")
            try check("interaction-\(tag)", s)
        }
    }

    @Test func detailLinesNeverExceedThePaneWidth() {
        for w in [53, 80, 120, 249] {
            let s = Fixture.state(width: w, height: 40)
            let c = s.snapshot.customers["C1"]!
            for line in DetailModel.lines(c, state: s, width: w - 1) {
                #expect(line.reduce(0) { $0 + $1.text.displayWidth } <= w - 1, "width \(w)")
            }
        }
    }

    @Test func everySizeFrom80x24To250x70RendersWithoutOverflow() {
        for (w, h) in [(80, 24), (100, 30), (119, 30), (120, 40), (200, 50), (250, 70), (40, 12)] {
            for pane in Pane.allCases {
                var s = Fixture.state(width: w, height: h)
                s.pane = pane
                let g = Screen.render(s).grid
                #expect(g.width == w && g.height == h)
                for y in 0..<h { #expect(g.row(y).displayWidth == w, "\(pane) \(w)x\(h) row \(y)") }
            }
        }
    }
}
