import Foundation
import Testing
import KehuCore
import KehuStore

/// `kehu reminders`, `remind`, `snooze`, `dismiss`, `done` through the real binary.
@Suite(.serialized) struct ReminderCommandTests {
    /// A new store with `[store] timezone` and optional extra config.
    func store(timezone: String, extra: String = "") throws -> String {
        let dir = temporaryFolder()
        #expect(try KehuBinary.run(["init", dir]).status == 0)
        try setConfig(dir, timezone: timezone, extra: extra)
        return dir
    }

    func setConfig(_ dir: String, timezone: String, extra: String = "") throws {
        let text = "[store]\ntimezone = \"\(timezone)\"\ncurrency = \"CNY\"\n\(extra)"
        try text.write(toFile: (dir as NSString).appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    }

    @discardableResult
    func kehu(_ args: [String], _ dir: String) throws -> KehuBinary.Result {
        try KehuBinary.run(args + ["--store", dir])
    }

    @Test func remindersAsOfMatchHandComputedDates() throws {
        let dir = try store(timezone: "Asia/Shanghai")
        #expect(try kehu(["add", "customer", "--set", "name=人易软件", "--set", "owner=alice", "--set", "contactStrategy=每周联系",
                          "--set", "purchaseStrategy=每月采购", "--set", "createdAt=2026-01-10T02:00:00Z"], dir).stdout == "C1\n")
        // 16:30 UTC on the 24th is 00:30 on the 25th in Shanghai: weekly → due 12-02.
        #expect(try kehu(["add", "interaction", "--set", "customer=C1", "--set", "at=2026-11-24T16:30:00Z"], dir).status == 0)
        let csv = try kehu(["reminders", "--all", "--as-of", "2026-12-02", "--format", "csv"], dir)
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "id,due,time,when,kind,customer,name,assignee,detail")
        // Created 01-10 (Shanghai), never bought, monthly: due 02-09, 296 days before 12-02.
        #expect(lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(6).joined(separator: ",") }
                == ["purchase:C1:2026-02-09,2026-02-09,,296,purchase,C1", "contact:C1:2026-12-02,2026-12-02,,0,contact,C1"])
        // The day before, the contact reminder is tomorrow (within --days 7) and nothing is due today.
        let before = try kehu(["reminders", "--all", "--as-of", "2026-12-01", "--lang", "en"], dir)
        #expect(before.stdout.contains("tomorrow") && before.stdout.contains("1 overdue, 0 due today"))
        // Not bob's; and --days 0 leaves out what is not due yet.
        #expect(try kehu(["reminders", "--user", "bob", "--as-of", "2026-12-02", "--format", "csv"], dir).stdout == "id,due,time,when,kind,customer,name,assignee,detail\n")
        #expect(try kehu(["reminders", "--all", "--as-of", "2026-11-30", "--days", "0", "--format", "csv"], dir).stdout.split(separator: "\n").count == 2)
        // In New York that interaction was on the 24th: due 12-01.
        try setConfig(dir, timezone: "America/New_York")
        let ny = try kehu(["reminders", "--all", "--as-of", "2026-12-01", "--format", "json"], dir)
        #expect(ny.stdout.contains("\"id\":\"contact:C1:2026-12-01\""))
        #expect(ny.stdout.contains("\"when\":0"))
        // A bad zone is one line naming where it came from.
        try setConfig(dir, timezone: "Mars/Olympus")
        let bad = try kehu(["reminders"], dir)
        #expect(bad.status != 0 && bad.stderr.contains("[store] timezone") && bad.stderr.contains("Mars/Olympus"))
    }

    @Test func remindSnoozeDismissAreJournaled() throws {
        let dir = try store(timezone: "Asia/Shanghai")
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let today = LocalDate.today(in: zone)
        try kehu(["add", "customer", "--set", "name=提醒客户", "--set", "contactStrategy=每周联系"], dir)
        let r = try kehu(["remind", "C1", "--on", today.adding(days: 1).description, "--at", "9:30", "--note", "确认报价"], dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("R1  \(today.adding(days: 1)) 09:30  C1 提醒客户"))
        let past = try kehu(["remind", "C1", "--on", today.adding(days: -1).description, "--note", "x"], dir)
        #expect(past.status != 0 && past.stderr.contains("due:") && past.stderr.contains("before today"))
        #expect(try kehu(["snooze", "R1", "--until", today.adding(days: 3).description], dir).status == 0)
        let json = try kehu(["reminders", "--format", "json"], dir).stdout
        #expect(json.contains("\"id\":\"R1\",\"due\":\"\(today.adding(days: 3))\""))
        // The computed follow-up (created today, weekly) can be snoozed by its id too.
        let contactId = "contact:C1:\(today.adding(days: 7))"
        #expect(json.contains(contactId))
        #expect(try kehu(["snooze", contactId, "--until", today.adding(days: 9).description], dir).stdout == "\(contactId) snoozed until \(today.adding(days: 9))\n")
        #expect(try kehu(["reminders", "--days", "30", "--format", "csv"], dir).stdout.contains("\(contactId),\(today.adding(days: 9))"))
        let noReason = try kehu(["dismiss", "R1", "--reason", " "], dir)
        #expect(noReason.status != 0 && noReason.stderr.contains("reason"))
        #expect(try kehu(["dismiss", "R1", "--reason", "客户已下单"], dir).status == 0)
        #expect(!(try kehu(["reminders", "--days", "30"], dir).stdout.contains("R1 ")))
        let again = try kehu(["snooze", "R1", "--until", today.adding(days: 5).description], dir)
        #expect(again.status != 0 && again.stderr.contains("already dismissed"))
        let entries = try FileStore(path: dir, user: "reader").entries(after: 0)
        let acts = entries.filter { $0.change.entity == "reminder" || $0.change.entity == "reminderAction" }
        #expect(acts.map(\.change.op) == [.create, .update, .create, .update])
        #expect(acts.last?.change.fields["reason"] == "客户已下单")
        #expect(acts.allSatisfy { $0.by == FileStore.currentLoginForTests })
        #expect(StoreChecker.check(path: dir).ok)
    }

    @Test func doneClosesAManualReminder() throws {
        let dir = try store(timezone: "UTC")
        let today = LocalDate.today(in: TimeZone(identifier: "UTC")!)
        try kehu(["add", "customer", "--set", "name=Done Ltd"], dir)
        try kehu(["remind", "C1", "--on", today.description, "--note", "send samples", "--assignee", "carol"], dir)
        #expect(try kehu(["reminders", "--user", "carol", "--format", "csv"], dir).stdout.contains("R1,\(today)"))
        #expect(try kehu(["done", "R1"], dir).stdout == "R1 done\n")
        #expect(!(try kehu(["reminders", "--user", "carol", "--format", "csv"], dir).stdout.contains("R1,")))
    }
}

extension FileStore {
    /// The login the test processes run as (what the store records as `by`).
    static var currentLoginForTests: String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "uid\(geteuid())"
    }
}

extension ReminderCommandTests {
    @Test func summaryLineAndOneCustomer() throws {
        let dir = try store(timezone: "Asia/Shanghai")
        try kehu(["add", "customer", "--set", "name=甲", "--set", "owner=alice", "--set", "contactStrategy=每周联系", "--set", "createdAt=2026-11-01T02:00:00Z"], dir)
        try kehu(["add", "customer", "--set", "name=乙", "--set", "owner=bob", "--set", "contactStrategy=每周联系", "--set", "createdAt=2026-11-18T02:00:00Z"], dir)
        // 甲 due 11-08 (overdue on 11-25), 乙 due 11-25 (today).
        #expect(try kehu(["reminders", "--all", "--as-of", "2026-11-25", "--summary"], dir).stdout == "1 条逾期，1 条今天到期\n")
        #expect(try kehu(["reminders", "--user", "bob", "--as-of", "2026-11-25", "--summary", "--lang", "en"], dir).stdout == "0 overdue, 1 due today\n")
        let one = try kehu(["reminders", "--customer", "C2", "--as-of", "2026-11-25", "--format", "csv"], dir).stdout
        #expect(one.split(separator: "\n").map { String($0.prefix(22)) } == ["id,due,time,when,kind,", "contact:C2:2026-11-25,"])
        let missing = try kehu(["reminders", "--customer", "C9"], dir)
        #expect(missing.status != 0 && missing.stderr.contains("no customer C9"))
    }
}

extension ReminderCommandTests {
    @Test func othersRemindersAreForManagersOnceRolesExist() throws {
        let dir = try store(timezone: "UTC", extra: "[roles]\nmanagers = [\"wang\"]\n")
        try kehu(["add", "customer", "--set", "name=甲", "--set", "owner=bob", "--set", "contactStrategy=每周联系"], dir)
        let all = try kehu(["reminders", "--all"], dir)
        #expect(all.status != 0 && all.stderr.contains("only managers"))
        #expect(try kehu(["reminders", "--user", "bob"], dir).status != 0)
        #expect(try kehu(["reminders", "--user", FileStore.currentLoginForTests], dir).status == 0)
        #expect(try kehu(["reminders", "--customer", "C1", "--format", "csv"], dir).stdout.contains("contact:C1:"))
    }
}
