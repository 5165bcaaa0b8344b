import Foundation
import Testing
@testable import KehuCore

@Suite("LocalCalendar: instants to calendar days")
struct LocalCalendarTests {
    let sh = ReminderFixture.shanghai
    let ny = ReminderFixture.newYork

    func day(_ cal: LocalCalendar, _ ts: String) -> String { cal.date(of: Timestamp(ts)!).description }

    @Test func shanghaiMidnightIsSixteenHundredUTC() {
        #expect(day(sh, "2026-11-24T15:59:59Z") == "2026-11-24")
        #expect(day(sh, "2026-11-24T16:00:00Z") == "2026-11-25")
        #expect(day(sh, "2026-12-31T16:00:00Z") == "2027-01-01")
    }

    @Test func newYorkSpringForward() {
        // DST starts 2026-03-08 at 07:00Z (02:00 EST → 03:00 EDT).
        #expect(day(ny, "2026-03-08T04:59:59Z") == "2026-03-07")  // 23:59:59 EST
        #expect(day(ny, "2026-03-08T05:00:00Z") == "2026-03-08")  // 00:00 EST
        // After the change midnight is 04:00Z: a fixed -05:00 would still say the 8th.
        #expect(day(ny, "2026-03-09T03:59:59Z") == "2026-03-08")  // 23:59:59 EDT
        #expect(day(ny, "2026-03-09T04:30:00Z") == "2026-03-09")  // 00:30 EDT
    }

    @Test func newYorkFallBack() {
        // DST ends 2026-11-01 at 06:00Z (02:00 EDT → 01:00 EST).
        #expect(day(ny, "2026-11-01T03:59:59Z") == "2026-10-31")  // 23:59:59 EDT
        #expect(day(ny, "2026-11-01T04:00:00Z") == "2026-11-01")
        // After the change midnight is 05:00Z: a fixed -04:00 would say the 2nd.
        #expect(day(ny, "2026-11-02T04:30:00Z") == "2026-11-01")  // 23:30 EST
        #expect(day(ny, "2026-11-02T05:00:00Z") == "2026-11-02")
    }

    @Test func todayFollowsTheZone() {
        let instant = Date(timeIntervalSince1970: TimeInterval(Timestamp("2026-11-25T02:00:00Z")!.millis / 1000))
        #expect(sh.today(now: instant) == .d("2026-11-25"))
        #expect(ny.today(now: instant) == .d("2026-11-24"))
    }

    @Test func agreesWithFoundationCalendarHourByHour() {
        // Every hour of 2026 in both zones, against Calendar.dateComponents.
        for cal in [sh, ny, LocalCalendar(identifier: "Europe/London")!, LocalCalendar(identifier: "Australia/Lord_Howe")!] {
            var gc = Calendar(identifier: .gregorian)
            gc.timeZone = cal.timeZone
            let start = Timestamp("2026-01-01T00:00:00Z")!.millis / 1000
            for h in stride(from: Int64(0), to: 365 * 24, by: 1) {
                let secs = start + h * 3600 + 1799
                let c = gc.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(secs)))
                let got = cal.date(of: Timestamp(millis: secs * 1000))
                if got != LocalDate(year: c.year!, month: c.month!, day: c.day!) {
                    Issue.record("\(cal.timeZone.identifier) \(Timestamp(millis: secs * 1000)): \(got)")
                    break
                }
            }
        }
    }

    @Test func startOfDayOnTheSpringForwardDay() {
        #expect(ny.startOfDay(.d("2026-03-08")) == Timestamp("2026-03-08T05:00:00Z")!)
        #expect(ny.startOfDay(.d("2026-03-09")) == Timestamp("2026-03-09T04:00:00Z")!)
        #expect(sh.startOfDay(.d("2026-11-25")) == Timestamp("2026-11-24T16:00:00Z")!)
    }

    @Test func resolveZone() throws {
        #expect(try LocalCalendar.resolve(configured: "Asia/Shanghai", environment: ["TZ": "UTC"]).timeZone.identifier == "Asia/Shanghai")
        #expect(try LocalCalendar.resolve(configured: nil, environment: ["TZ": ":America/New_York"]).timeZone.identifier == "America/New_York")
        #expect(throws: ReminderError.unknownTimeZone(name: "Mars/Base", source: "config.toml: [store] timezone")) {
            try LocalCalendar.resolve(configured: "Mars/Base", environment: [:])
        }
        #expect(throws: ReminderError.self) { try LocalCalendar.resolve(configured: nil, environment: ["TZ": "Nowhere/X"]) }
    }
}
