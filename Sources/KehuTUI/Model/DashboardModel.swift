import KehuCore

/// What the dashboard shows, as data: a list of sections the dashboard pane
/// draws without knowing where they come from. `basic` builds the counts, the
/// monthly revenue and the follow-ups due from a snapshot; the analytics
/// feature plugs in richer sections (RFM segments, CLV) through
/// `WorkstationOptions.dashboard` by returning more sections.
public struct DashboardModel: Sendable, Equatable {
    public enum Section: Sendable, Equatable {
        /// Key figures: label → value text.
        case figures(title: String, [(String, String)])
        /// Horizontal bars: label, value, value text.
        case bars(title: String, [Bar])
        /// A table with a header row.
        case table(title: String, columns: [String], rows: [[String]])

        public static func == (a: Section, b: Section) -> Bool {
            switch (a, b) {
            case let (.figures(t1, f1), .figures(t2, f2)): return t1 == t2 && f1.map { [$0.0, $0.1] } == f2.map { [$0.0, $0.1] }
            case let (.bars(t1, b1), .bars(t2, b2)): return t1 == t2 && b1 == b2
            case let (.table(t1, c1, r1), .table(t2, c2, r2)): return t1 == t2 && c1 == c2 && r1 == r2
            default: return false
            }
        }
    }

    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Int64
        public var text: String
        public init(_ label: String, _ value: Int64, _ text: String) { self.label = label; self.value = value; self.text = text }
    }

    public var sections: [Section]
    public init(sections: [Section]) { self.sections = sections }

    /// Counts by category and region, revenue by month (last 12), follow-ups due.
    public static func basic(_ s: Snapshot, lang: Language, clock: Clock, followUps: FollowUps) -> DashboardModel {
        func t(_ m: Msg, _ a: CustomStringConvertible...) -> String { Catalog.text(m, lang, a) }
        let customers = s.customers.values
        var total: Int64 = 0
        for m in s.metrics.values { total += m.total }
        var out: [Section] = [.figures(title: t(.dashboardTotals), [
            (t(.dashboardCustomers), String(customers.count)),
            (t(.dashboardPool), String(customers.filter(\.inPool).count)),
            (t(.dashboardRevenueTotal), Money(minor: total).formatted),
        ])]
        func counts(_ kind: DictionaryKind, _ key: (Customer) -> String?) -> [Bar] {
            var n: [String: Int64] = [:]
            for c in customers { n[key(c) ?? "", default: 0] += 1 }
            var bars = s.dictionary.entries(kind).map { Bar($0.label.text(lang), n[$0.code] ?? 0, String(n[$0.code] ?? 0)) }
            let known = Set(s.dictionary.entries(kind).map(\.code))
            for (code, v) in n where !known.contains(code) { bars.append(Bar(code.isEmpty ? t(.empty) : code, v, String(v))) }
            return bars.filter { $0.value > 0 }
        }
        out.append(.bars(title: t(.dashboardByCategory), counts(.category) { $0.category }))
        out.append(.bars(title: t(.dashboardByRegion), counts(.region) { $0.region }))

        let months = MonthlyRevenue.last12(s.transactions.values, today: clock.today)
        out.append(.bars(title: t(.dashboardRevenue), months.map { Bar($0.label, $0.minor, Money(minor: $0.minor).formatted) }))

        let today = clock.today
        let due = followUps.due.filter { $0.value <= today }.sorted { ($0.value, idNumber($0.key)) < ($1.value, idNumber($1.key)) }
        let rows = due.prefix(20).map { (id, d) -> [String] in
            [s.customers[id]?.name ?? id, d.description, d == today ? t(.agendaToday) : t(.agendaOverdue, today.days - d.days)]
        }
        out.append(.table(title: t(.dashboardDue) + " · \(due.count)", columns: [t(.colCustomer), t(.colDue), ""], rows: Array(rows)))
        return DashboardModel(sections: out)
    }
}

/// Sums of transaction amounts per calendar month (main currency).
public enum MonthlyRevenue {
    public struct Month: Sendable, Equatable { public var label: String; public var minor: Int64 }

    /// The 12 months up to and including today's, oldest first.
    public static func last12<S: Sequence>(_ ts: S, today: LocalDate) -> [Month] where S.Element == Transaction {
        let start = today.startOfMonth.adding(months: -11)
        var sums = [Int64](repeating: 0, count: 12)
        for t in ts where t.date >= start && t.date <= today && t.amount.currency == "CNY" {
            let i = (t.date.year - start.year) * 12 + t.date.month - start.month
            if i >= 0 && i < 12 { sums[i] += t.amount.minor }
        }
        return (0..<12).map { i in
            let m = start.adding(months: i)
            return Month(label: "\(m.year)-\(m.month < 10 ? "0" : "")\(m.month)", minor: sums[i])
        }
    }

    /// A sparkline of values: one of ▁▂▃▄▅▆▇█ per value, scaled to the largest.
    public static func sparkline(_ values: [Int64]) -> String {
        let ticks = Array("▁▂▃▄▅▆▇█")
        let top = values.max() ?? 0
        return String(values.map { v in
            if top <= 0 || v <= 0 { return " " }
            return ticks[min(7, Int((Double(v) / Double(top)) * 7.0 + 0.5))]
        })
    }
}
