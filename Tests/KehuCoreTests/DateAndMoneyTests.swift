import Foundation
import Testing
@testable import KehuCore

@Suite struct LocalDateTests {
    @Test func roundTripsAcrossCenturiesAndLeapDays() {
        for text in ["1970-01-01", "2000-02-29", "2024-02-29", "2026-11-25", "1969-12-31", "2100-03-01"] {
            #expect(LocalDate(text)?.description == text)
        }
        #expect(LocalDate("2023-02-29") == nil)
        #expect(LocalDate("2100-02-29") == nil)
        #expect(LocalDate("2026-13-01") == nil)
        #expect(LocalDate("2026/1/5")?.description == "2026-01-05")
    }

    @Test func arithmetic() {
        let d = LocalDate("2024-01-31")!
        #expect(d.adding(months: 1).description == "2024-02-29")
        #expect(d.adding(days: 30).description == "2024-03-01")
        #expect(LocalDate("2024-02-28")!.days(until: LocalDate("2024-03-01")!) == 2)
        #expect(LocalDate("2026-11-23")!.weekday == 1)  // a Monday
    }
}

@Suite struct TimestampTests {
    @Test func parsesAndPrintsUTC() {
        let t = Timestamp("2026-11-25T10:09:04.123Z")!
        #expect(t.description == "2026-11-25T10:09:04.123Z")
        #expect(Timestamp("2026-11-25T18:09:04+08:00")!.description == "2026-11-25T10:09:04.000Z")
        #expect(Timestamp("2026-11-25 10:09:04Z") != nil)
        #expect(Timestamp("2026-11-25T10:09") == nil)
        #expect(Timestamp("1969-12-31T23:59:59.500Z")!.millis == -500)
    }

    @Test func localDateFollowsTheZone() {
        // 16:30 UTC is already the next day in Shanghai.
        let t = Timestamp("2026-11-25T16:30:00Z")!
        #expect(t.localDate(in: TimeZone(identifier: "Asia/Shanghai")!).description == "2026-11-26")
        #expect(t.localDate(in: TimeZone(identifier: "America/New_York")!).description == "2026-11-25")
        // New York on the DST change day (2026-03-08): 06:30 UTC is 01:30 EST, 07:30 UTC is 03:30 EDT; both the 8th.
        #expect(Timestamp("2026-03-08T06:30:00Z")!.localDate(in: TimeZone(identifier: "America/New_York")!).description == "2026-03-08")
        #expect(Timestamp("2026-03-09T03:30:00Z")!.localDate(in: TimeZone(identifier: "America/New_York")!).description == "2026-03-08")
    }
}

@Suite struct MoneyTests {
    @Test func parsesExactly() {
        #expect(Money(parsing: "1234.5")?.minor == 123450)
        #expect(Money(parsing: "¥1,234.56")?.minor == 123456)
        #expect(Money(parsing: "-0.07")?.minor == -7)
        #expect(Money(parsing: "12.345") == nil)
        #expect(Money(parsing: "abc") == nil)
        #expect(Money(parsing: "0.1")!.minor + Money(parsing: "0.2")!.minor == Money(parsing: "0.3")!.minor)
    }

    @Test func formats() {
        #expect(Money(minor: 123456789).formatted == "¥1,234,567.89")
        #expect(Money(minor: -5).plain == "-0.05")
        #expect(Money(minor: 100, currency: "USD").formatted == "$1.00")
    }
}
