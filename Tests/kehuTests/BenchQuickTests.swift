import Foundation
import Testing

/// CI checks that the benchmark program runs end to end (`kehu-bench --quick`);
/// its timings are judged in docs/performance.md, never here.
@Suite struct BenchQuickTests {
    @Test func benchmarkRunsInQuickMode() throws {
        let bench = ((KehuBinary.path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("kehu-bench")
        try #require(FileManager.default.isExecutableFile(atPath: bench), "kehu-bench is built by swift test")
        let dir = temporaryFolder("bench")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bench)
        // --kehu: never start a nested `swift build` while `swift test` holds the build lock.
        p.arguments = ["--quick", "--dir", dir, "--kehu", KehuBinary.path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text.suffix(2000))")
        let json = (dir as NSString).appendingPathComponent("kehu-bench-quick.json")
        #expect(FileManager.default.fileExists(atPath: json))
        #expect(text.contains("filter keystroke"))
    }
}
