import Foundation
import Testing
import KehuCore
@testable import KehuStore

@Suite struct FileStoreTests {
    func demoStore(customers: Int = 50) throws -> (FileStore, String) {
        let dir = temporaryFolder()
        let s = try FileStore.create(at: dir, user: "alice")
        var gen = DemoGenerator(seed: 3, customers: customers, today: LocalDate("2026-11-25")!)
        for b in gen.batches(chunk: 20) { try s.commit(b) }
        return (s, dir)
    }

    func journalLines(_ dir: String) throws -> [String] {
        try String(contentsOfFile: (dir as NSString).appendingPathComponent(FileStore.journalFile), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func snapshotAndReplayGiveTheSameState() throws {
        let (s, dir) = try demoStore()
        try s.writeSnapshot()
        try s.commit(.update(.customer, id: "C1", base: s.snapshot.customers["C1"]!.version, ["notes": "after the snapshot"]))
        let viaSnapshot = try FileStore(path: dir, user: "bob")
        try FileManager.default.removeItem(atPath: (dir as NSString).appendingPathComponent(FileStore.snapshotFile))
        let viaReplay = try FileStore(path: dir, user: "bob")
        #expect(viaSnapshot.snapshot.customers == viaReplay.snapshot.customers)
        #expect(viaSnapshot.snapshot.transactions == viaReplay.snapshot.transactions)
        #expect(viaSnapshot.snapshot.interactions == viaReplay.snapshot.interactions)
        #expect(viaSnapshot.snapshot.metrics == viaReplay.snapshot.metrics)
        #expect(viaSnapshot.snapshot.customers["C1"]?.notes == "after the snapshot")
        #expect(StoreChecker.check(path: dir).ok)
    }

    @Test func journalRoundTripsHostileText() throws {
        let dir = temporaryFolder()
        let s = try FileStore.create(at: dir, user: "alice")
        let nasty = "line1\nline2\t\"quoted\" \\ back \u{1B}]0;pwned\u{07} \u{1B}[2J 𠀀 emoji 😀 nul\u{01}"
        try s.commit(.create(.customer, ["name": .string(nasty), "tags": .array(["a,b", "重点"])]))
        let r = try FileStore(path: dir, user: "bob")
        #expect(r.snapshot.customers["C1"]?.name == nasty)
        #expect(r.snapshot.customers["C1"]?.tags == ["a,b", "重点"])
        // One entry is one line: the newline inside the name is escaped.
        #expect(try journalLines(dir).filter { !$0.isEmpty }.count == 2 + 1 + DictionarySeed.entries.count)
    }

    @Test func corruptLineIsReportedByLineNumber() throws {
        let (s, dir) = try demoStore(customers: 5)
        _ = s
        var lines = try journalLines(dir)
        let target = 10
        lines[target - 1] = String(lines[target - 1].dropLast(7)) + "garbage"
        try lines.joined(separator: "\n").write(toFile: (dir as NSString).appendingPathComponent(FileStore.journalFile), atomically: true, encoding: .utf8)
        try? FileManager.default.removeItem(atPath: (dir as NSString).appendingPathComponent(FileStore.snapshotFile))
        do {
            _ = try FileStore(path: dir, user: "bob")
            Issue.record("opening a corrupt journal must fail")
        } catch let StoreError.corrupt(path, line, _) {
            #expect(path.hasSuffix("journal.jsonl") && line == target)
        }
        let report = StoreChecker.check(path: dir)
        #expect(!report.ok)
        #expect(report.findings.contains { $0.line == target && $0.isProblem })
    }

    @Test func tornTailIsSetAsideNotAppliedNorLost() throws {
        let (s, dir) = try demoStore(customers: 3)
        let count = s.snapshot.customers.count
        let path = (dir as NSString).appendingPathComponent(FileStore.journalFile)
        let h = FileHandle(forWritingAtPath: path)!
        h.seekToEndOfFile()
        let torn = "{\"batch\":2}\n{\"seq\":999,\"at\":\"2026-11-25T00:00:00Z\",\"by\":\"x\",\"op\":\"create\",\"type\":\"customer\",\"set\":{\"name\":\"half"
        h.write(Data(torn.utf8))
        h.closeFile()
        #expect(!StoreChecker.check(path: dir).ok)
        let r = try FileStore(path: dir, user: "bob")
        #expect(r.snapshot.customers.count == count)
        #expect(r.warnings.contains { $0.contains("set aside") })
        let aside = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("journal.torn-") }
        #expect(aside.count == 1)
        #expect(try String(contentsOfFile: (dir as NSString).appendingPathComponent(aside[0]), encoding: .utf8) == torn)
        try r.commit(.create(.customer, ["name": "after repair"]))
        #expect(StoreChecker.check(path: dir).ok)
    }

    /// The journal is replayed in windows: windows that end mid-line, mid-batch, or are smaller
    /// than a whole batch give the same state, the same torn-tail handling and the same line numbers.
    @Test func replayInSmallWindowsGivesTheSameState() throws {
        let (s, dir) = try demoStore(customers: 30)
        let full = s.snapshot
        try? FileManager.default.removeItem(atPath: (dir as NSString).appendingPathComponent(FileStore.snapshotFile))
        for window in [97, 997, 4096, 1 << 20] {
            let r = try FileStore(path: dir, user: "bob", readWindow: window)
            #expect(differences(r.snapshot, full) == [], "window \(window)")
            try? FileManager.default.removeItem(atPath: (dir as NSString).appendingPathComponent(FileStore.snapshotFile))
        }
        // A torn tail is still found, set aside, and nothing before it lost.
        let path = (dir as NSString).appendingPathComponent(FileStore.journalFile)
        let h = FileHandle(forWritingAtPath: path)!
        h.seekToEndOfFile()
        h.write(Data("{\"batch\":2}\n{\"seq\":999,\"at\":\"2026-11-25T00:00:00Z\",\"by\":\"x\",\"op\":\"create\",\"type\":\"customer\",\"set\":{".utf8))
        h.closeFile()
        let r = try FileStore(path: dir, user: "bob", readWindow: 997)
        #expect(differences(r.snapshot, full) == [])
        #expect(r.warnings.contains { $0.contains("set aside") })
        // A corrupt line in the middle is reported by its line number, whatever the window.
        try? FileManager.default.removeItem(atPath: (dir as NSString).appendingPathComponent(FileStore.snapshotFile))
        var lines = try journalLines(dir)
        let target = lines.count / 2
        lines[target - 1] = String(lines[target - 1].dropLast(7)) + "garbage"
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try FileStore(path: dir, user: "bob", readWindow: 997)
            Issue.record("opening a corrupt journal must fail")
        } catch let StoreError.corrupt(_, line, _) {
            #expect(line == target)
        }
    }

    @Test func checkFindsASnapshotThatDisagreesWithTheJournal() throws {
        let (s, dir) = try demoStore(customers: 5)
        try s.writeSnapshot()
        // The JSON-lines form (older stores) is the one a text edit can damage; see BinarySnapshotTests for the binary one.
        let bin = (dir as NSString).appendingPathComponent(FileStore.snapshotFile)
        let loaded = try SnapshotFile.read(bin)
        let snap = SnapshotFile.legacyPath(besides: bin)
        try SnapshotFile.writeJSONLines(loaded.snapshot, journalId: loaded.journalId, journalOffset: loaded.journalOffset, journalLine: loaded.journalLine, to: snap)
        try FileManager.default.removeItem(atPath: bin)
        let text = try String(contentsOfFile: snap, encoding: .utf8).replacingOccurrences(of: "\"v\":1,", with: "\"v\":7,")
        try text.write(toFile: snap, atomically: true, encoding: .utf8)
        let report = StoreChecker.check(path: dir)
        #expect(!report.ok)
        #expect(report.findings.contains { $0.path.hasSuffix("snapshot.jsonl") })
    }

    @Test func lostUpdateInAHandEditedJournalIsFound() throws {
        let dir = temporaryFolder()
        let s = try FileStore.create(at: dir, user: "alice")
        try s.commit(.create(.customer, ["name": "甲"]))
        try s.commit(.update(.customer, id: "C1", base: 1, ["notes": "a"]))
        // Append an update based on version 1 although the record is at 2.
        let line = JournalCodec.line(JournalEntry(seq: s.snapshot.seq + 1, at: Timestamp(millis: 0), by: "mallory",
                                                   change: .update(.customer, id: "C1", base: 1, ["notes": "b"])))
        let h = FileHandle(forWritingAtPath: (dir as NSString).appendingPathComponent(FileStore.journalFile))!
        h.seekToEndOfFile(); h.write(Data((line + "\n").utf8)); h.closeFile()
        let report = StoreChecker.check(path: dir)
        #expect(report.findings.contains { $0.message.contains("lost update") })
    }

    @Test func notAStoreAndMissingStoreAreOneLineErrors() throws {
        let dir = temporaryFolder()
        #expect(throws: StoreError.self) { try FileStore(path: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        do { _ = try FileStore(path: dir); Issue.record("expected an error") } catch {
            #expect("\(error)".contains("kehu init"))
            #expect(!"\(error)".contains("\n"))
        }
    }

    @Test func configIsReadAndErrorsNameTheLine() throws {
        let dir = temporaryFolder()
        try FileStore.create(at: dir, user: "alice")
        let cfg = (dir as NSString).appendingPathComponent(FileStore.configFile)
        try "[store]\ntimezone = \"Asia/Shanghai\"\n[pool]\nreleaseAfterDays = 30\n".write(toFile: cfg, atomically: true, encoding: .utf8)
        let s = try FileStore(path: dir, user: "alice")
        #expect(s.config.timeZoneName == "Asia/Shanghai")
        #expect(s.config["pool"]["releaseAfterDays"]?.intValue == 30)
        try "[store]\ntimezone = \n".write(toFile: cfg, atomically: true, encoding: .utf8)
        do { _ = try FileStore(path: dir, user: "alice"); Issue.record("expected an error") } catch let StoreError.corrupt(path, line, _) {
            #expect(path == cfg && line == 2)
        }
    }

    @Test func groupCommitRefusesABatchWithoutTouchingTheOthers() throws {
        let dir = temporaryFolder()
        let s = try FileStore.create(at: dir, user: "kehu")
        let results = try s.commitGroup([
            (actor: "alice", build: { _ in [.create(.customer, ["name": "甲"])] }),
            (actor: "bob", build: { _ in [.create(.customer, ["name": "乙"]), .create(.customer, ["name": "丙", "region": "火星"])] }),
            (actor: "carol", build: { snap in [.create(.customer, ["name": "丁"]), .create(.contact, ["customer": .string(snap.nextId(for: .customer)!), "name": "张伟"])] }),
        ])
        #expect(results.count == 3)
        if case .success(let e) = results[0] { #expect(e.map(\.change.id) == ["C1"] && e[0].by == "alice") } else { Issue.record("alice's batch failed") }
        if case .failure(let e as StoreError) = results[1] { #expect("\(e)".contains("region")) } else { Issue.record("bob's batch should be refused") }
        if case .success(let e) = results[2] { #expect(e.map(\.change.id) == ["C2", "P1"] && e.allSatisfy { $0.by == "carol" }) } else { Issue.record("carol's batch failed") }
        let r = try FileStore(path: dir, user: "v")
        #expect(r.snapshot.customers.values.map(\.name).sorted() == ["丁", "甲"])
        #expect(StoreChecker.check(path: dir).ok)
    }
}
