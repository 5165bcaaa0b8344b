import Foundation
import Testing
import KehuCore
import KehuStore

/// The pool through the real binary and the file store: sweep as of a date,
/// claim limits, and claims racing each other.
@Suite(.serialized) struct PoolCommandTests {
    func store(pool: String) throws -> String {
        let dir = temporaryFolder()
        #expect(try KehuBinary.run(["init", dir]).status == 0)
        let text = "[store]\ntimezone = \"Asia/Shanghai\"\n\n[pool]\n\(pool)\n"
        try text.write(toFile: (dir as NSString).appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        return dir
    }

    @discardableResult
    func kehu(_ args: [String], _ dir: String) throws -> KehuBinary.Result { try KehuBinary.run(args + ["--store", dir]) }

    @Test func sweepAsOfReleasesOnTheHandComputedDay() throws {
        let dir = try store(pool: "noFollowUpDays = 30\nnoDealDays = 45\nwarnDays = 7")
        try kehu(["add", "customer", "--set", "name=公海候选", "--set", "owner=alice", "--set", "ownerSince=2026-10-01"], dir)
        // Contact on 10-15 (Shanghai) → no follow-up until 11-14; no deal since 10-01 → 11-15. Goes 11-14.
        try kehu(["add", "interaction", "--set", "customer=C1", "--set", "at=2026-10-15T06:00:00Z"], dir)
        let warn = try kehu(["reminders", "--user", "alice", "--as-of", "2026-11-07", "--days", "0", "--format", "csv"], dir)
        #expect(warn.stdout.contains("pool:C1:2026-11-07,2026-11-07,,0,pool,C1"))
        let risk = try kehu(["pool", "--at-risk", "--as-of", "2026-11-07", "--format", "csv"], dir)
        #expect(risk.stdout.contains("C1,公海候选,alice,2026-11-14,7,noFollowUp,2026-10-15"))
        #expect(try kehu(["pool", "sweep", "--as-of", "2026-11-13"], dir).stdout.contains("released 0 customers"))
        let dry = try kehu(["pool", "sweep", "--as-of", "2026-11-14", "--dry-run"], dir)
        #expect(dry.stdout.contains("would release 1 customers"))
        #expect(try FileStore(path: dir, user: "r").snapshot.customers["C1"]?.owner == "alice")
        let sweep = try kehu(["pool", "sweep", "--as-of", "2026-11-14"], dir)
        #expect(sweep.stdout.contains("released 1 customers into the pool as of 2026-11-14"), "\(sweep.stderr)")
        let store = try FileStore(path: dir, user: "r")
        #expect(store.snapshot.customers["C1"]?.owner == nil)
        let releases = try store.entries(after: 0).filter { $0.change.event == "release" }
        #expect(releases.count == 1 && releases[0].change.id == "C1" && releases[0].by == FileStore.currentLoginForTests)
        let pool = try kehu(["pool", "--format", "csv"], dir).stdout
        #expect(pool.contains("C1,公海候选,,alice,2026-11-14,"))
        // The pool history (an object field) survives the snapshot file.
        try store.writeSnapshot()
        let reopened = try FileStore(path: dir, user: "r")
        #expect(reopened.snapshot == store.snapshot)
        #expect(PoolHistory.of("C1", in: reopened.snapshot)?.released == ["alice": LocalDate(year: 2026, month: 11, day: 14)!])
        #expect(StoreChecker.check(path: dir).ok)
    }

    @Test func claimReleaseAssignAndTheirLimits() throws {
        let dir = try store(pool: "claimsPerDay = 1\nreclaimAfterDays = 30\nmanagers = [\"\(FileStore.currentLoginForTests)\"]")
        try kehu(["add", "customer", "--set", "name=甲", "--set", "owner="], dir)
        try kehu(["add", "customer", "--set", "name=乙", "--set", "owner="], dir)
        let claimed = try kehu(["claim", "C1"], dir)
        #expect(claimed.status == 0 && claimed.stdout.contains("C1 甲: claimed by"), "\(claimed.stderr)")
        let second = try kehu(["claim", "C2"], dir)
        #expect(second.status != 0 && second.stderr.contains("claimsPerDay"))
        #expect(try kehu(["release", "C1", "--reason", "不在我的区域"], dir).status == 0)
        let back = try kehu(["claim", "C1"], dir)
        #expect(back.status != 0 && back.stderr.contains("reclaimAfterDays"))
        let assigned = try kehu(["assign", "C2", "--to", "bob"], dir)
        #expect(assigned.status == 0 && assigned.stdout.contains("assigned to bob"))
        let events = try FileStore(path: dir, user: "r").entries(after: 0).filter { $0.change.entity == "customer" }.compactMap(\.change.event)
        #expect(events == ["claim", "release", "assign"])
        let notMine = try kehu(["release", "C404"], dir)
        #expect(notMine.status != 0 && notMine.stderr.contains("no customer C404"))
    }

    @Test func twoProcessesClaimingTheSameCustomerExactlyOneWins() throws {
        let dir = try store(pool: "")
        for i in 1...5 { try kehu(["add", "customer", "--set", "name=争夺\(i)", "--set", "owner="], dir) }
        for i in 1...5 {
            let procs = (0..<2).map { _ -> (Process, Pipe) in
                let p = Process()
                p.executableURL = URL(fileURLWithPath: KehuBinary.path)
                p.arguments = ["claim", "C\(i)", "--store", dir]
                let err = Pipe()
                p.standardOutput = FileHandle.nullDevice
                p.standardError = err
                return (p, err)
            }
            for (p, _) in procs { try p.run() }
            for (p, _) in procs { p.waitUntilExit() }
            #expect(procs.map { $0.0.terminationStatus }.sorted() == [0, 1], "exactly one claim of C\(i) wins")
            let loser = procs.first { $0.0.terminationStatus != 0 }.map { String(decoding: $0.1.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) } ?? ""
            #expect(loser.contains("C\(i): you already own it"), "\(loser)")
        }
        let entries = try FileStore(path: dir, user: "r").entries(after: 0).filter { $0.change.event == "claim" }
        #expect(entries.count == 5)
    }

    @Test func twoUsersClaimingAtOnceThroughTheFileStore() throws {
        let dir = try store(pool: "")
        for i in 1...20 { try kehu(["add", "customer", "--set", "name=池\(i)", "--set", "owner="], dir) }
        let cal = LocalCalendar(identifier: "Asia/Shanghai")!
        let today = cal.today()
        // Two users, each with their own store handle (own descriptors, own lock), race for every customer.
        let results = ClaimResults()
        let group = DispatchGroup()
        for user in ["alice", "bob"] {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                guard let store = try? FileStore(path: dir, user: user) else { results.add(user, "C0", "open failed"); return }
                let desk = PoolActions(rules: PoolRules(), calendar: cal, today: today, user: user)
                for i in 1...20 {
                    do { try store.commit { s in try desk.claim("C\(i)", in: s) }; results.add(user, "C\(i)", nil) }
                    catch { results.add(user, "C\(i)", "\(error)") }
                }
            }
        }
        group.wait()
        let all = results.all
        let s = try FileStore(path: dir, user: "r").snapshot
        for i in 1...20 {
            let id = "C\(i)"
            let outcomes = all.filter { $0.customer == id }
            let winners = outcomes.filter { $0.error == nil }
            #expect(outcomes.count == 2 && winners.count == 1, "\(id): \(outcomes)")
            guard let w = winners.first, let loser = outcomes.first(where: { $0.error != nil }) else { continue }
            #expect(s.customers[id]?.owner == w.user)
            #expect(loser.error == "\(id): already claimed by \(w.user) on \(today) — ask \(w.user) or a manager")
        }
        #expect(StoreChecker.check(path: dir).ok)
    }
}

/// Outcomes collected from the racing threads.
final class ClaimResults: @unchecked Sendable {
    struct Outcome { var user: String; var customer: String; var error: String? }
    private let lock = NSLock()
    private var list: [Outcome] = []
    func add(_ user: String, _ customer: String, _ error: String?) { lock.lock(); list.append(Outcome(user: user, customer: customer, error: error)); lock.unlock() }
    var all: [Outcome] { lock.lock(); defer { lock.unlock() }; return list }
}

extension PoolCommandTests {
    /// Through `kehu serve`: both clients build their claim on the state they
    /// last saw; the server refuses the stale one, the client rebuilds on the
    /// new state and reports the real reason. Exactly one claim wins.
    @Test func twoClientsClaimingThroughTheServerExactlyOneWins() throws {
        let dir = try store(pool: "")
        let me = FileStore.currentLoginForTests
        try "[store]\ntimezone = \"Asia/Shanghai\"\n[roles]\nmanagers = [\"\(me)\"]\n"
            .write(toFile: dir + "/config.toml", atomically: true, encoding: .utf8)
        for i in 1...3 { try kehu(["add", "customer", "--set", "name=远程\(i)", "--set", "owner="], dir) }
        let sock = dir + ".sock"
        let server = StoreServer(store: try FileStore(path: dir, user: "kehu"), socketPath: sock)
        try server.start()
        let t = Thread { try? server.run() }
        t.start()
        defer { server.stop() }
        for i in 1...3 {
            let procs = (0..<2).map { _ -> (Process, Pipe) in
                let p = Process()
                p.executableURL = URL(fileURLWithPath: KehuBinary.path)
                p.arguments = ["claim", "C\(i)", "--server", sock]
                let err = Pipe()
                p.standardOutput = FileHandle.nullDevice
                p.standardError = err
                return (p, err)
            }
            for (p, _) in procs { try p.run() }
            for (p, _) in procs { p.waitUntilExit() }
            #expect(procs.map { $0.0.terminationStatus }.sorted() == [0, 1], "exactly one claim of C\(i) wins")
            let loser = procs.first { $0.0.terminationStatus != 0 }.map { String(decoding: $0.1.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) } ?? ""
            #expect(loser.contains("C\(i): you already own it"), "\(loser)")
        }
        let list = try KehuBinary.run(["pool", "--server", sock, "--format", "csv"])
        #expect(list.status == 0 && list.stdout == "id,name,region,lastOwner,releasedOn,releasedBy,reason,lastContact,lastPurchase\n", "\(list.stderr)")
    }
}
