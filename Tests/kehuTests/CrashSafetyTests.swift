import Foundation
import Testing
import KehuCore
import KehuStore

/// SQLite-style crash testing: a child process writes in a loop and is
/// SIGKILLed at random moments; after every kill the store must open, pass
/// `kehu check`, and hold every write the child had been told was saved.
@Suite(.serialized) struct CrashSafetyTests {
    @Test func killedWritersNeverLoseAcknowledgedWrites() throws {
        let dir = temporaryFolder()
        #expect(try KehuBinary.run(["init", dir]).status == 0)
        var acknowledged: [String] = []
        var rng = SeededRandom(seed: 42)
        let rounds = Int(ProcessInfo.processInfo.environment["KEHU_CRASH_ROUNDS"] ?? "") ?? 200
        var killedMidway = 0
        for round in 0..<rounds {
            let (p, out) = try KehuBinary.start(["stress-write", "--store", dir, "--count", "100000", "--tag", "r\(round)", "--batch-every", "3"])
            // Wait until it is writing (its first acknowledgement), let it run 0–30 ms more,
            // then kill it without warning: most kills land in the middle of a write loop.
            var head = out.fileHandleForReading.availableData
            while !head.isEmpty, !head.contains(10) { head += out.fileHandleForReading.availableData }
            usleep(UInt32(rng.int(0...30_000)))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let text = String(decoding: head + out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            // Only complete lines were acknowledged (the last one may be cut by the kill).
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if !text.hasSuffix("\n") { lines.removeLast() }
            for l in lines where !l.isEmpty { acknowledged += l.split(separator: " ").map(String.init) }
            if p.terminationReason == .uncaughtSignal { killedMidway += 1 }

            let store = try FileStore(path: dir, user: "verifier")
            let s = store.snapshot
            let missing = acknowledged.filter { s.version(entity: Entity.forPrefix($0)!.rawValue, id: $0) == nil }
            #expect(missing.isEmpty, "round \(round): acknowledged but missing: \(missing.prefix(5))")
            if !missing.isEmpty { break }
        }
        let report = StoreChecker.check(path: dir)
        #expect(report.ok, "\(report.findings)")
        #expect(killedMidway > rounds / 2)
        #expect(acknowledged.count >= rounds)
    }
}
