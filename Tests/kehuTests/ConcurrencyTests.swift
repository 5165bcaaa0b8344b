import Foundation
import Testing
import KehuCore
import KehuStore

@Suite(.serialized) struct ConcurrencyTests {
    @Test func twoProcessesWritingAtOnceLoseNothing() throws {
        let dir = temporaryFolder()
        #expect(try KehuBinary.run(["init", dir]).status == 0)
        let (a, outA) = try KehuBinary.start(["stress-write", "--store", dir, "--count", "1000", "--tag", "a", "--batch-every", "0"])
        let (b, outB) = try KehuBinary.start(["stress-write", "--store", dir, "--count", "1000", "--tag", "b", "--batch-every", "0"])
        let idsA = String(decoding: outA.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").map(String.init)
        let idsB = String(decoding: outB.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").map(String.init)
        a.waitUntilExit(); b.waitUntilExit()
        #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
        #expect(idsA.count == 1000 && idsB.count == 1000)
        #expect(Set(idsA + idsB).count == 2000, "no id handed out twice")
        let s = try FileStore(path: dir, user: "verifier").snapshot
        #expect(s.customers.count == 2000)
        let names = Set(s.customers.values.map(\.name))
        #expect(names.count == 2000)
        for i in [0, 499, 999] { #expect(names.contains("a-\(i)") && names.contains("b-\(i)")) }
        #expect(StoreChecker.check(path: dir).ok)
    }

    @Test func twoEditsOfTheSameVersionConflict() throws {
        let dir = temporaryFolder()
        #expect(try KehuBinary.run(["init", dir]).status == 0)
        #expect(try KehuBinary.run(["add", "customer", "--store", dir, "--set", "name=人易软件"]).stdout == "C1\n")
        // Both users looked at version 1 and save at the same moment.
        let p1 = Process(), p2 = Process()
        for (p, note) in [(p1, "alice's note"), (p2, "bob's note")] {
            p.executableURL = URL(fileURLWithPath: KehuBinary.path)
            p.arguments = ["edit", "C1", "--base", "1", "--set", "notes=\(note)", "--store", dir]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
        }
        try p1.run(); try p2.run()
        p1.waitUntilExit(); p2.waitUntilExit()
        #expect([p1.terminationStatus, p2.terminationStatus].sorted() == [0, 1], "exactly one wins")
        let s = try FileStore(path: dir, user: "v").snapshot
        #expect(s.customers["C1"]?.version == 2)
        let loser = try KehuBinary.run(["edit", "C1", "--base", "1", "--set", "notes=late", "--store", dir])
        #expect(loser.status != 0)
        #expect(loser.stderr.contains("conflict"))
        #expect(s.customers["C1"]?.notes == "alice's note" || s.customers["C1"]?.notes == "bob's note")
    }
}
