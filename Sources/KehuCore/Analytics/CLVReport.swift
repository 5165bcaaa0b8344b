import Foundation

/// What `kehu report clv` asks for.
public struct CLVSpec: Sendable, Hashable {
    /// End of the calibration period: purchases after it are ignored.
    public var asOf: LocalDate
    public var unit: TimeUnit
    /// Prediction horizon in `unit`s.
    public var horizon: Double
    /// Yearly discount rate for the expected value (0.1 = 10 %); 0 means undiscounted.
    public var annualDiscountRate: Double

    public init(asOf: LocalDate, unit: TimeUnit = .week, horizon: Double? = nil, annualDiscountRate: Double = 0) {
        self.asOf = asOf; self.unit = unit
        self.horizon = horizon ?? (unit == .week ? 52 : 365)
        self.annualDiscountRate = annualDiscountRate
    }
}

/// One customer's history and predictions. Predictions are nil when the model
/// they come from did not converge.
public struct CLVCustomer: Sendable, Hashable {
    public var customerId: String
    public var name: String
    public var owner: String?
    public var history: RepeatPurchaseSummary
    public var probabilityAlive: Double?
    /// Expected purchases in the horizon.
    public var expectedPurchases: Double?
    /// Expected spend per purchase (major units).
    public var expectedSpend: Double?
    /// Expected purchases × expected spend, discounted when asked (major units).
    public var expectedValue: Double?
}

/// BG/NBD and Gamma-Gamma fitted on the store, with predictions per customer.
public struct CLVReport: Sendable, Hashable {
    public var spec: CLVSpec
    public var purchases: ModelFit<BGNBDModel>
    public var spend: ModelFit<GammaGammaModel>
    /// Customers with a purchase on or before the calibration end, in id order.
    public var customers: [CLVCustomer]
    /// Repeat purchases in the calibration period: observed, and expected by the fitted
    /// model (Σ E[X(Tᵢ)]); close values mean the model describes the data.
    public var observedRepeats: Int
    public var expectedRepeats: Double?
    /// Pearson correlation of frequency and mean spend among repeat customers:
    /// Gamma-Gamma assumes they are independent, so a large value warns against it.
    public var spendFrequencyCorrelation: Double?
    private var position: [String: Int]

    public func customer(_ id: String) -> CLVCustomer? { position[id].map { customers[$0] } }

    /// - Parameters:
    ///   - data: columns already built for this snapshot (the dashboard's cache), if any.
    ///   - fits: models fitted earlier in the same unit, to predict without refitting (the
    ///     dashboard refits only when the data changed noticeably); nil fits afresh.
    public static func make(_ spec: CLVSpec, _ snapshot: Snapshot, data: AnalyticsData? = nil,
                            fits: (ModelFit<BGNBDModel>, ModelFit<GammaGammaModel>)? = nil) -> CLVReport {
        let data = AnalyticsData.reuse(data, for: snapshot)
        let histories = RepeatPurchaseSummary.build(snapshot, asOf: spec.asOf, unit: spec.unit, data: data)
        return make(spec, histories: histories, fits: fits) { id in data.row(of: id).map { (data.customers[$0].name, data.customers[$0].owner) } ?? ("", nil) }
    }

    /// Fits and predicts from prepared histories (`who` gives a customer's name and owner).
    public static func make(_ spec: CLVSpec, histories: [RepeatPurchaseSummary],
                            fits: (ModelFit<BGNBDModel>, ModelFit<GammaGammaModel>)? = nil,
                            who: (String) -> (name: String, owner: String?)) -> CLVReport {
        let purchases = fits?.0 ?? BGNBDFitter(histories).fit()
        let spend = fits?.1 ?? GammaGammaFitter(histories).fit()
        var rows: [CLVCustomer] = []
        rows.reserveCapacity(histories.count)
        var position: [String: Int] = [:]
        for h in histories {
            let (name, owner) = who(h.customerId)
            var row = CLVCustomer(customerId: h.customerId, name: name, owner: owner, history: h)
            if let m = purchases.model {
                row.probabilityAlive = m.probabilityAlive(x: h.frequency, tx: h.recency, T: h.age)
                row.expectedPurchases = m.expectedPurchases(over: spec.horizon, x: h.frequency, tx: h.recency, T: h.age)
            }
            if let g = spend.model {
                row.expectedSpend = g.expectedMeanSpend(x: h.frequency, meanSpend: h.frequency > 0 ? h.monetaryValue : nil)
            }
            if let m = purchases.model, let e = row.expectedPurchases, let s = row.expectedSpend {
                row.expectedValue = spec.annualDiscountRate > 0
                    ? discountedValue(m, h, spec: spec, spend: s) : e * s
            }
            position[h.customerId] = rows.count
            rows.append(row)
        }
        return CLVReport(spec: spec, purchases: purchases, spend: spend, customers: rows,
                         observedRepeats: histories.reduce(0) { $0 + $1.frequency },
                         expectedRepeats: purchases.model.flatMap { expectedCalibrationRepeats($0, histories) },
                         spendFrequencyCorrelation: correlation(histories), position: position)
    }

    /// Σ over monthly steps of (E[Y(tₖ)] − E[Y(tₖ₋₁)]) · spend / (1+d)^(tₖ in years).
    static func discountedValue(_ m: BGNBDModel, _ h: RepeatPurchaseSummary, spec: CLVSpec, spend: Double) -> Double? {
        let horizonDays = spec.horizon * spec.unit.days
        let steps = max(1, Int((horizonDays / 30.4375).rounded(.up)))
        var value = 0.0, previous = 0.0
        for k in 1...steps {
            let t = spec.horizon * Double(k) / Double(steps)
            guard let e = m.expectedPurchases(over: t, x: h.frequency, tx: h.recency, T: h.age) else { return nil }
            let years = t * spec.unit.days / 365.25
            value += (e - previous) * spend / pow(1 + spec.annualDiscountRate, years)
            previous = e
        }
        return value
    }

    /// Σᵢ E[X(Tᵢ)], grouped by age so each distinct T costs one series.
    static func expectedCalibrationRepeats(_ m: BGNBDModel, _ histories: [RepeatPurchaseSummary]) -> Double? {
        var byAge: [Double: Int] = [:]
        for h in histories { byAge[h.age, default: 0] += 1 }
        var total = 0.0
        for (age, n) in byAge {
            guard let e = m.expectedPurchases(newCustomerOver: age) else { return nil }
            total += e * Double(n)
        }
        return total
    }

    static func correlation(_ histories: [RepeatPurchaseSummary]) -> Double? {
        let pairs = histories.compactMap { h in h.frequency > 0 ? h.monetaryValue.map { (Double(h.frequency), $0) } : nil }
        guard pairs.count > 2 else { return nil }
        let n = Double(pairs.count)
        let mx = pairs.reduce(0) { $0 + $1.0 } / n, my = pairs.reduce(0) { $0 + $1.1 } / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (x, y) in pairs { sxy += (x - mx) * (y - my); sxx += (x - mx) * (x - mx); syy += (y - my) * (y - my) }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }
}
