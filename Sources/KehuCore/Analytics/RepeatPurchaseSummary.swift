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
    public static func build(_ snapshot: Snapshot, asOf: LocalDate, unit: TimeUnit, data: AnalyticsData? = nil) -> [RepeatPurchaseSummary] {
        let data = AnalyticsData.reuse(data, for: snapshot)
        var out: [RepeatPurchaseSummary] = []
        out.reserveCapacity(data.customerCount)
        let end = asOf.days
        for i in 0..<data.customerCount {
            // Purchase days with their total spend (rows are in date order).
            var first = Int32.min, lastDay = Int32.min
            var repeatDays = 0
            var repeatSpend: Int64 = 0
            for j in data.offsets[i]..<data.offsets[i + 1] {
                let d = data.days[j], amount = data.amounts[j]
                if d > end { break }
                guard amount > 0 else { continue }
                if first == .min { first = d; lastDay = d; continue }
                if d != lastDay { repeatDays += 1; lastDay = d }
                if d != first { repeatSpend += amount }
            }
            guard first != .min else { continue }
            out.append(RepeatPurchaseSummary(customerId: data.customerIds[i], frequency: repeatDays,
                                             recency: Double(lastDay - first) / unit.days,
                                             age: Double(end - first) / unit.days,
                                             monetaryValue: repeatDays > 0 ? Double(repeatSpend) / Double(repeatDays) / 100 : nil))
        }
        return out
    }
}
