import Testing
@testable import KehuCore

@Suite struct DisplayWidthTests {
    @Test func asciiCJKFullWidthCombiningEmoji() {
        #expect("abc".displayWidth == 3)
        #expect("张伟".displayWidth == 4)
        #expect("ＡＢＣ".displayWidth == 6)          // full-width Latin
        #expect("e\u{301}".displayWidth == 1)      // e + combining acute
        #expect("👍".displayWidth == 2)
        #expect("❤\u{FE0F}".displayWidth == 1)     // wcwidth: text-presentation base + VS16
        #expect("한국".displayWidth == 4)
        #expect("\u{200B}".displayWidth == 0)      // zero-width space
        #expect("㐀".displayWidth == 2)             // CJK extension A
        #expect("𠀀".displayWidth == 2)             // CJK extension B
    }

    @Test func unitsKeepCombiningMarksWithTheirBase() {
        let u = DisplayWidth.units("ae\u{301}张")
        #expect(u.map(\.text) == ["a", "e\u{301}", "张"])
        #expect(u.map(\.width) == [1, 1, 2])
        let lead = DisplayWidth.units("\u{301}x")
        #expect(lead.count == 2 && lead[0].width == 1)
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        #expect(TextFit.truncate("广州市人易软件", to: 6) == "广州…")   // 4 + 1, the third char would straddle
        #expect(TextFit.truncate("广州市人易软件", to: 7) == "广州市…")
        #expect(TextFit.truncate("广州", to: 4) == "广州")
        #expect(TextFit.truncate("abcdef", to: 4) == "abc…")
        #expect(TextFit.truncate("abc", to: 0) == "")
        #expect(TextFit.truncate("张", to: 1) == "…")
        for w in 0...12 {
            let t = TextFit.truncate("深圳市腾讯计算机系统 Ltd.", to: w)
            #expect(t.displayWidth <= w)
        }
    }

    @Test func fitPadsToExactWidth() {
        #expect(TextFit.fit("张伟", 6) == "张伟  ")
        #expect(TextFit.fit("张伟", 6, .right) == "  张伟")
        #expect(TextFit.fit("广州市人易", 5).displayWidth == 5)
        #expect(TextFit.fit("广州市人易", 5) == "广州…")
        #expect(TextFit.fit("广州市人易", 6) == "广州… ")   // the gap a dropped wide char leaves is padded
    }

    @Test func wrapBreaksAtSpacesAndBetweenCJK() {
        #expect(TextFit.wrap("hello world again", width: 11) == ["hello world", "again"])
        #expect(TextFit.wrap("一二三四五六", width: 5) == ["一二", "三四", "五六"])
        #expect(TextFit.wrap("a\nb", width: 5) == ["a", "b"])
        for line in TextFit.wrap("客户视图(Customer View)是指企业在与客户互动过程中所形成的", width: 9) {
            #expect(line.displayWidth <= 9)
        }
    }
}
