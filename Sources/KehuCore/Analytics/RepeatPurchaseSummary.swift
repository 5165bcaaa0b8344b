/// One customer's purchase history reduced to what the BG/NBD and Gamma-Gamma
/// models read, with the definitions the literature and `lifetimes` use:
///
/// - frequency x: the number of purchase *days* after the first one (repeat purchases);
/// - recency tₓ: time from the first to the last purchase day;
/// - age T: time from the first purchase day to the end of the calibration period;
/// - monetary value: the mean spend of the repeat purchase days (the first day left
///   out), in major currency units; nil when x = 0.
public struct RepeatPurchaseSummary: Hashable, Sendable {
    public var customerId: String
    public var frequency: Int
    public var recency: Double
    public var age: Double
    public var monetaryValue: Double?

    public init(customerId: String = "", frequency: Int, recency: Double, age: Double, monetaryValue: Double? = nil) {
        self.customerId = customerId; self.frequency = frequency; self.recency = recency; self.age = age
        self.monetaryValue = monetaryValue
    }
}

/// The time unit the purchase models count in.
public enum TimeUnit: String, Sendable, CaseIterable, Hashable {
    case day, week

    public var days: Double { self == .day ? 1 : 7 }
}

extension RepeatPurchaseSummary {
    /// Summaries of every customer with a purchase on or before `asOf` (the
    /// calibration end), in customer id order. Purchases are main-currency
    /// transactions with a positive amount (see `PurchaseFilter`); a day's spend
    /// is the sum of that day's purchases.
    public static func build(_ snapshot: Snapshot, asOf: LocalDate, unit: TimeUnit) -> [RepeatPurchaseSummary] {
        var out: [RepeatPurchaseSummary] = []
        out.reserveCapacity(snapshot.transactionsByCustomer.count)
        var days: [(Int32, Int64)] = []
        for (customerId, tids) in snapshot.transactionsByCustomer where snapshot.customers[customerId] != nil {
            days.removeAll(keepingCapacity: true)
            for tid in tids {
                guard let t = snapshot.transactions[tid], PurchaseFilter.isPurchase(t), t.date <= asOf else { continue }
                days.append((t.date.days, t.amount.minor))
            }
            guard !days.isEmpty else { continue }
            days.sort { $0.0 < $1.0 }
            // Collapse to purchase days with their total spend.
            var totals: [Int64] = []
            var lastDay = days[0].0
            var current: Int64 = 0
            for (d, m) in days {
                if d != lastDay { totals.append(current); current = 0; lastDay = d }
                current += m
            }
            totals.append(current)
            let first = days[0].0, last = days[days.count - 1].0
            let x = totals.count - 1
            let monetary: Double? = x > 0 ? Double(totals.dropFirst().reduce(0, +)) / Double(x) / 100 : nil
            out.append(RepeatPurchaseSummary(customerId: customerId, frequency: x,
                                             recency: Double(last - first) / unit.days,
                                             age: Double(asOf.days - first) / unit.days, monetaryValue: monetary))
        }
        out.sort { idNumber($0.customerId) < idNumber($1.customerId) }
        return out
    }
}
