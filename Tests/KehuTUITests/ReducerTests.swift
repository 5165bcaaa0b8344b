import Testing
import KehuCore
@testable import KehuTUI

@Suite struct ReducerTests {
    func names(_ s: AppState) -> [String] { s.visible.map { s.table.rows[Int($0)].name } }

    @Test func listStartsSortedByPinyinWithTheFirstSelected() {
        let s = Fixture.state()
        #expect(names(s) == ["Acme Trading Ltd.", "单田芳评书社", "广州市人易软件技术有限公司", "张伟"])   // a, dan, guang, zhang
        #expect(s.selectedId == "C3")
    }

    @Test func cursorMovesWithViKeysAndArrowsAndStopsAtTheEnds() {
        var s = Fixture.state()
        Fixture.keys(&s, [.char("j"), .down])
        #expect(s.cursor == 2)
        Fixture.keys(&s, [.char("G")])
        #expect(s.cursor == 3 && s.selectedId == "C2")
        Fixture.keys(&s, [.char("j")])
        #expect(s.cursor == 3)
        Fixture.keys(&s, [.char("g"), .up, .char("k")])
        #expect(s.cursor == 0)
        Fixture.keys(&s, [.pageDown])
        #expect(s.cursor == 3)
    }

    @Test func filterByPinyinInitialsFullAndSpaced() {
        for q in ["zw", "zhangwei", "zhang wei", "张伟", "13800138000", "138-0013"] {
            var s = Fixture.state()
            Fixture.keys(&s, [.char("/")])
            #expect(s.filterEditing)
            Fixture.type(&s, q)
            #expect(names(s) == ["张伟"], "query \(q)")
            #expect(s.selectedId == "C2")
        }
    }

    @Test func filterFindsContactsAndSurnamePolyphones() {
        var s = Fixture.state()
        Fixture.keys(&s, [.char("/")])
        Fixture.type(&s, "zengguo")        // 曾国强, a contact of C1: 曾 read as a surname
        #expect(names(s) == ["广州市人易软件技术有限公司"])
        Fixture.keys(&s, [.escape])
        #expect(!s.filterEditing && s.filter.text.isEmpty && s.visible.count == 4)
        Fixture.keys(&s, [.char("/")])
        Fixture.type(&s, "shantian")       // 单 as a surname
        #expect(names(s) == ["单田芳评书社"])
        Fixture.keys(&s, [.enter])         // keeps the filter, leaves typing
        #expect(!s.filterEditing && s.filter.text == "shantian")
        Fixture.keys(&s, [.escape])        // Esc in the list clears it
        #expect(s.filter.text.isEmpty)
    }

    @Test func backspaceWidensTheFilterAgain() {
        var s = Fixture.state()
        Fixture.keys(&s, [.char("/")])
        Fixture.type(&s, "zwx")
        #expect(s.visible.isEmpty)
        Fixture.keys(&s, [.backspace])
        #expect(names(s) == ["张伟"])
    }

    @Test func enterOpensTheCustomerViewAndEscGoesBack() {
        var s = Fixture.state()
        Fixture.keys(&s, [.char("j"), .char("j"), .enter])
        #expect(s.pane == .detail && s.selectedId == "C1")
        Fixture.keys(&s, [.char("j"), .char("j")])
        #expect(s.detailScroll == 2)
        Fixture.keys(&s, [.escape])
        #expect(s.pane == .list)
    }

    @Test func tabCyclesThePanesAndNumbersJump() {
        var s = Fixture.state()
        var seen: [Pane] = []
        for _ in 0..<4 { Fixture.keys(&s, [.tab]); seen.append(s.pane) }
        #expect(seen == [.detail, .dashboard, .agenda, .list])
        Fixture.keys(&s, [.char("3")])
        #expect(s.pane == .dashboard && s.dashboard != nil)
        Fixture.keys(&s, [.backTab])
        #expect(s.pane == .detail)
    }

    @Test func sortingByEveryColumnAndReversing() {
        var s = Fixture.state()
        Fixture.keys(&s, [.char(":")]); Fixture.type(&s, "sort amount"); Fixture.keys(&s, [.enter])
        #expect(s.table.sortColumn == .amount)
        #expect(names(s).first == "单田芳评书社" || names(s).first == "张伟")  // no purchases: last when descending? first ascending
        Fixture.keys(&s, [.char("S")])
        #expect(names(s).first == "广州市人易软件技术有限公司")
        for _ in ListColumn.allCases { Fixture.keys(&s, [.char("s")]); #expect(s.visible.count == 4) }
    }

    @Test func editSavesOneUpdateWithTheBaseVersion() {
        var s = Fixture.state()
        Fixture.keys(&s, [.char("j"), .char("j"), .char("e")])
        guard let f = s.form else { Issue.record("no form"); return }
        #expect(f.target == .editCustomer(id: "C1", base: 1))
        // Move to the phone field and retype it.
        let phone = f.fields.firstIndex { $0.key == "phone" }!
        for _ in 0..<phone { Fixture.keys(&s, [.tab]) }
        Fixture.keys(&s, [.ctrl("u")])
        Fixture.type(&s, "12")
        #expect(s.form?.errors["phone"] != nil)      // inline validation
        Fixture.keys(&s, [.ctrl("u")]); Fixture.type(&s, "020-12345678")
        #expect(s.form?.errors["phone"] == nil)
        let effects = Fixture.keys(&s, [.ctrl("s")])
        #expect(effects == [.commit([.update(.customer, id: "C1", base: 1, ["phone": "020-12345678"])])])
        #expect(s.form?.saving == true)
    }

    @Test func pickListsOfferOnlyDictionaryValues() {
        var s = Fixture.state()
        Fixture.keys(&s, [.char("j"), .char("j"), .char("e")])
        let region = s.form!.fields.firstIndex { $0.key == "region" }!
        for _ in 0..<region { Fixture.keys(&s, [.tab]) }
        #expect(s.form?.focused.value == "华南")
        Fixture.keys(&s, [.right])
        #expect(s.form?.focused.value == "华东")
        Fixture.keys(&s, [.enter])
        #expect(s.form?.pickCursor != nil)
        Fixture.keys(&s, [.down, .down, .enter])
        #expect(s.form?.focused.value == "华北" && s.form?.pickCursor == nil)
        Fixture.keys(&s, [.char("x")])              // letters jump, never type into a pick-list
        #expect(s.form!.focused.options.contains { $0.code == s.form!.focused.value })
    }

    @Test func escCancelsWithoutSaving() {
        var s = Fixture.state()
        Fixture.keys(&s, [.char("e")])
        Fixture.type(&s, "改名")
        let effects = Fixture.keys(&s, [.escape])
        #expect(effects.isEmpty && s.form == nil)
    }

    @Test func logAnInteractionInAFewKeystrokes() {
        var s = Fixture.state()
        Fixture.keys(&s, [.char("j"), .char("j"), .enter, .char("i"), .right, .tab])   // channel 电话 → 微信, then the note
        Fixture.type(&s, "约下周拜访")
        let effects = Fixture.keys(&s, [.ctrl("s")])
        guard case .commit(let changes)? = effects.first, let c = changes.first else { Issue.record("no commit"); return }
        #expect(c.entity == "interaction" && c.op == .create)
        #expect(c.fields["customer"] == "C1" && c.fields["channel"] == "微信" && c.fields["note"] == "约下周拜访")
        #expect(c.fields["by"] == "alice" && c.fields["kind"] == "contact")
        #expect(c.fields["at"]?.stringValue == "2026-11-25T02:00:00.000Z")
    }

    @Test func recordATransaction() {
        var s = Fixture.state()
        Fixture.keys(&s, [.char("j"), .char("j"), .char("t"), .tab])
        Fixture.type(&s, "1,234.5")
        let effects = Fixture.keys(&s, [.ctrl("s")])
        guard case .commit(let changes)? = effects.first else { Issue.record("no commit"); return }
        #expect(changes[0].fields["amount"] == "1234.50" && changes[0].fields["date"] == "2026-11-25")
    }

    @Test func anInvalidFormIsNotSaved() {
        var s = Fixture.state()
        Fixture.keys(&s, [.char("a")])
        let effects = Fixture.keys(&s, [.ctrl("s")])          // name is required
        #expect(effects.isEmpty && s.form != nil && s.message?.isError == true)
    }

    @Test func anotherUsersChangeKeepsCursorAndForm() {
        var s = Fixture.state()
        Fixture.keys(&s, [.char("j")])
        #expect(s.selectedId == "C4")
        Fixture.keys(&s, [.char("e")]); Fixture.type(&s, "X")
        // bob adds a customer that sorts before C4 and edits C4.
        let snap = Fixture.snapshot(extra: [.create(.customer, ["name": "阿里巴巴"]), .update(.customer, id: "C4", base: 1, ["credit": 3])])
        _ = Reducer.reduce(&s, .storeChanged(snap, changed: SnapshotDiff.changedCustomers(s.snapshot, snap)))
        #expect(s.selectedId == "C4" && s.table.rows.count == 5)
        #expect(s.form?.fields[0].value.hasSuffix("X") == true)
        #expect(s.message?.isError == true)                  // "changed meanwhile"
    }

    @Test func aConflictShowsBothVersionsAndCanOverwrite() {
        var s = Fixture.state()
        Fixture.keys(&s, [.char("e")])                      // C3, Acme
        let phone = s.form!.fields.firstIndex { $0.key == "phone" }!
        for _ in 0..<phone { Fixture.keys(&s, [.tab]) }
        Fixture.type(&s, "13700000000")
        _ = Fixture.keys(&s, [.ctrl("s")])
        let theirs = Fixture.snapshot(extra: [.update(.customer, id: "C3", base: 1, ["phone": "13911112222"])])
        _ = Reducer.reduce(&s, .commitFailed(theirs, message: "conflict", conflict: true))
        #expect(s.conflict?.theirVersion == 2 && s.keyContext == .conflict)
        let text = Screen.render(s).grid.text
        #expect(text.contains("13700000000") && text.contains("13911112222"))
        let effects = Fixture.keys(&s, [.char("o")])
        #expect(effects == [.commit([.update(.customer, id: "C3", base: 2, ["phone": "13700000000"])])])
    }

    @Test func commandLineRunsCommandsByName() {
        var s = Fixture.state()
        Fixture.keys(&s, [.char(":")]); Fixture.type(&s, "goto C2"); Fixture.keys(&s, [.enter])
        #expect(s.pane == .detail && s.selectedId == "C2")
        Fixture.keys(&s, [.char(":")]); Fixture.type(&s, "pane-dash"); Fixture.keys(&s, [.tab])
        #expect(s.commandLine?.text == "pane-dashboard ")
        Fixture.keys(&s, [.enter])
        #expect(s.pane == .dashboard)
        Fixture.keys(&s, [.char(":")]); Fixture.type(&s, "lang en"); Fixture.keys(&s, [.enter])
        #expect(s.lang == .en)
        Fixture.keys(&s, [.char(":")]); Fixture.type(&s, "frobnicate"); Fixture.keys(&s, [.enter])
        #expect(s.message?.isError == true)
        let effects = Fixture.keys(&s, [.char(":"), .char("q"), .enter])
        #expect(effects == [.quit])
    }

    @Test func resizeKeepsTheSelectionVisible() {
        var s = Fixture.state(width: 250, height: 70)
        Fixture.keys(&s, [.char("G")])
        _ = Reducer.reduce(&s, .resize(width: 80, height: 6))
        #expect(s.cursor >= s.listTop && s.cursor < s.listTop + Layout(s).listRows)
        #expect(!s.sideBySide)
        _ = Reducer.reduce(&s, .resize(width: 120, height: 40))
        #expect(s.sideBySide)
    }
}

@Suite struct ReducerCommitTests {
    @Test func aLoggedInteractionIsShownInTheTimeline() {
        var s = Fixture.state(width: 80, height: 24)
        _ = Reducer.reduce(&s, .key(.char(":"))); Fixture.type(&s, "goto C1"); Fixture.keys(&s, [.enter, .char("i"), .tab])
        Fixture.type(&s, "新记录")
        guard case .commit(let changes)? = Fixture.keys(&s, [.ctrl("s")]).first else { Issue.record("no commit"); return }
        var change = changes[0]; change.id = "I99"
        var snap = s.snapshot
        try! snap.apply(JournalEntry(seq: snap.seq + 1, at: Fixture.now, by: "alice", change: change))
        _ = Reducer.reduce(&s, .committed(snap, ids: ["I99"]))
        #expect(s.form == nil && s.pane == .detail && s.message?.text == "已保存 I99")
        let text = Screen.render(s).grid.text
        #expect(text.contains("联系记录") && text.contains("新记录"))
        Fixture.keys(&s, [.char("j")])
        #expect(s.message == nil)                         // messages last until the next key
    }
}
