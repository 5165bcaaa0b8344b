import Testing
import KehuCore
@testable import KehuTUI

@Suite struct ThemeTests {
    @Test func builtinThemesParseAndColourThemesCoverEveryRole() throws {
        for name in BuiltinThemes.names {
            let t = try Theme.parse(BuiltinThemes.all[name]!, name: name, path: "themes/\(name).toml")
            if name != "monochrome" {
                for r in Role.allCases { #expect(t.styles[r] != nil, "\(name) lacks [\(r.rawValue)]") }
            }
        }
    }

    @Test func everyThemeKeepsSelectionVisibleWithoutColour() throws {
        for name in BuiltinThemes.names {
            let t = Theme.builtin(name)!
            let sel = t.style(.selected)
            #expect(sel.monoReverse || sel.monoBold || sel.monoUnderline, "\(name): selection invisible without colour")
        }
    }

    @Test func badThemesGiveOneLineErrors() {
        #expect(throws: ThemeError.self) { try Theme.parse("[normal]\nfg = \"purple\"\n", name: "x", path: "x.toml") }
        #expect(throws: ThemeError.self) { try Theme.parse("[nonsense]\nfg = 1\n[normal]\n", name: "x", path: "x.toml") }
        #expect(throws: ThemeError.self) { try Theme.parse("[dim]\nfg = 1\n", name: "x", path: "x.toml") }
        do { _ = try Theme.parse("[normal]\nattrs = [\"blink\"]\n", name: "x", path: "x.toml") } catch {
            #expect("\(error)" == "x.toml: [normal]: unknown attribute 'blink' (bold, reverse, underline, dim)")
        }
    }
}
