import Foundation
import Testing
@testable import KehuTUI

/// Files generated from code: `docs/keys.md` from the command table and
/// `themes/*.toml` from the built-in themes. A test fails when they are stale;
/// `KEHU_WRITE_DOCS=1 swift test --filter GeneratedFilesTests` rewrites them.
@Suite struct GeneratedFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func check(_ relative: String, _ content: String) throws {
        let url = Self.root.appendingPathComponent(relative)
        if ProcessInfo.processInfo.environment["KEHU_WRITE_DOCS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let current = try? String(contentsOf: url, encoding: .utf8)
        #expect(current == content, "\(relative) is out of date: KEHU_WRITE_DOCS=1 swift test --filter GeneratedFilesTests")
    }

    @Test func keysDocumentMatchesTheCommandTable() throws {
        try check("docs/keys.md", Help.markdown(.standard))
    }

    @Test func themeFilesMatchTheBuiltinThemes() throws {
        for name in BuiltinThemes.names { try check("themes/\(name).toml", BuiltinThemes.all[name]!) }
    }
}
