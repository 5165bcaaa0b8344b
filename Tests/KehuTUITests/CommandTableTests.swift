import Testing
import KehuCore
@testable import KehuTUI

@Suite struct CommandTableTests {
    @Test func defaultBindingsHaveNoProblems() {
        #expect(CommandTable.standard.problems == [])
    }

    @Test func everyCommandHasARowAndHelpInBothLanguages() {
        let t = CommandTable.standard
        #expect(Set(t.commands.map(\.id)) == Set(CommandID.allCases))
        #expect(t.commands.count == CommandID.allCases.count)
        for c in t.commands {
            #expect(!c.help.zh.isEmpty && !c.help.en.isEmpty, "\(c.id.rawValue)")
        }
    }

    @Test func everyCommandHasAKeyOrIsReachableByName() {
        // All commands can be run from ':'; all but none need a key too.
        for c in CommandTable.standard.commands { #expect(!c.bindings.isEmpty, "\(c.id.rawValue) has no key") }
    }

    @Test func conflictsAreDetected() {
        let t = CommandTable(bindings: """
        list  j  cursor-down
        list  j  cursor-up
        list  Ctrl-Q  nonsense
        nowhere j cursor-down
        list  Bogus-Key  quit
        global x help
        list  x  quit
        """)
        #expect(t.problems.count == 5)
        #expect(t.problems.contains { $0.contains("already bound to cursor-down") })
        #expect(t.problems.contains { $0.contains("unknown command 'nonsense'") })
        #expect(t.problems.contains { $0.contains("unknown context 'nowhere'") })
        #expect(t.problems.contains { $0.contains("unknown key 'Bogus-Key'") })
        #expect(t.problems.contains { $0.contains("x is bound to help everywhere but to quit in list") })
    }

    @Test func keyNamesRoundTrip() {
        for c in CommandTable.standard.commands {
            for b in c.bindings { #expect(Key(name: b.key.description) == b.key, "\(b.key)") }
        }
    }

    @Test func lookupPrefersThePaneThenGlobalButNotInForms() {
        let t = CommandTable.standard
        #expect(t.command(for: .char("j"), in: .list) == .cursorDown)
        #expect(t.command(for: .char("?"), in: .list) == .help)
        #expect(t.command(for: .escape, in: .help) == .back)
        #expect(t.command(for: .char("q"), in: .form) == nil)       // types a q
        #expect(t.command(for: .ctrl("s"), in: .form) == .formSave)
    }

    /// Runs every command, by its binding, in every context it is bound in, on the fixture.
    @Test func everyCommandRunsAgainstTheFixture() {
        for c in CommandTable.standard.commands {
            for b in c.bindings {
                var s = Fixture.state(width: 120, height: 40)
                switch b.context {
                case .detail: s.pane = .detail
                case .dashboard: s.pane = .dashboard
                case .agenda: s.pane = .agenda
                case .duplicates:
                    s = DuplicatesFixture.state(width: 120, height: 40)
                    DuplicatesFixture.opened(&s)
                case .help: s.showHelp = true
                case .form: _ = Reducer.perform(&s, .customerEdit)
                case .conflict:
                    _ = Reducer.perform(&s, .customerEdit)
                    s.conflict = ConflictState(form: s.form!, theirs: s.selected!, theirVersion: s.selected!.version + 1, by: "bob")
                case .list, .global: break
                }
                #expect(s.keyContext == b.context || b.context == .global, "\(c.id.rawValue) in \(b.context)")
                let effects = Reducer.reduce(&s, .key(b.key))
                _ = Screen.render(s)
                if c.id == .quit { #expect(effects == [.quit]) }
            }
        }
    }
}
