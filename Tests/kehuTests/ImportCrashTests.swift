import Foundation
import Testing
import KehuCore
import KehuStore

/// An import is one atomic batch: killed at any moment (while planning, while
/// the journal is written, while the next snapshot is encoded and installed),
/// the store holds all of the file or none of it, opens, and passes `kehu check`.
@Suite(.serialized) struct ImportCrashTests {
    @Test func killedImportsWriteAllOrNothing() throws {
        let dir = temporaryFolder()
        #expect(try KehuBinary.run(["init", dir]).status == 0)
        let folder = (dir as NSString).deletingLastPathComponent
        let customers = (folder as NSString).appendingPathComponent("customers.csv")
        let n = 300
        try ("id,name,phone\n" + (1...n).map { "KH\($0),客户\($0),1380013\(String(format: "%04d", $0))\n" }.joined())
            .write(toFile: customers, atomically: true, encoding: .utf8)
        #expect(try KehuBinary.run(["import", "customers", customers, "--store", dir]).status == 0)

        // 25,000 rows: more than the 20,000 entries after which a commit also writes a snapshot.
        let rows = 25_000
        func transactions(_ round: Int) throws -> String {
            let file = (folder as NSString).appendingPathComponent("t\(round).csv")
            var text = "customer,date,amount,product,note\n"
            for i in 0..<rows { text += "KH\(i % n + 1),2026-0\(i % 9 + 1)-1\(i % 10),\(100 + i).50,培训课程,round \(round)\n" }
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            return file
        }
        // How long one import takes here, to spread the kills over it.
        let start = Date()
        #expect(try KehuBinary.run(["import", "transactions", try transactions(0), "--store", dir]).status == 0)
        let duration = Date().timeIntervalSince(start)
        var expected = rows
        var rng = SeededRandom(seed: 7)
        var killed = 0, finished = 0
        for round in 1...12 {
            let (p, _) = try KehuBinary.start(["import", "transactions", try transactions(round), "--store", dir])
            usleep(UInt32(Double(rng.int(0...1000)) / 1000 * duration * 1.1 * 1e6))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            if p.terminationReason == .uncaughtSignal { killed += 1 } else { finished += 1 }
            let count = try FileStore(path: dir, user: "verifier").snapshot.transactions.count
            #expect(count == expected || count == expected + rows, "round \(round): \(count) transactions, expected \(expected) or \(expected + rows)")
            if count == expected + rows { expected = count }
            if count != expected { break }
        }
        let report = StoreChecker.check(path: dir)
        #expect(report.ok, "\(report.findings)")
        #expect(killed >= 4, "most rounds are killed midway (killed \(killed), finished \(finished))")
    }
}
