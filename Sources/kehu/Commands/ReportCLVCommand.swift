import ArgumentParser
import Foundation
import KehuCore
import KehuStore

/// `kehu report clv`: BG/NBD and Gamma-Gamma fitted on the store, and per
/// customer P(alive), expected purchases and expected value in a horizon.
struct ReportCLVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clv", abstract: "Customer lifetime value: BG/NBD + Gamma-Gamma fits and per-customer predictions.",
        discussion: """
        The calibration period ends on --as-of. Frequency is the number of repeat purchase days, recency and \
        age (T) run from the first purchase, in --unit. A model that does not converge is reported as such and \
        its predictions are left out; the command then exits with status 1.
        """)

    @Option(help: "Time unit of the models: day or week.") var unit: TimeUnit = .week
    @Option(help: "Prediction horizon in units (default: 52 weeks or 365 days).") var horizon: Double?
    @Option(help: "Yearly discount rate for the expected value, e.g. 0.1 (default: none).") var discount = 0.0
    @Option(help: "Sort customers by value, alive, purchases or id.") var sort = "value"
    @Option(help: "At most this many customers.") var limit: Int?
    @Flag(help: "Only the fitted parameters and diagnostics.") var parameters = false
    @OptionGroup var options: ReportOptions
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard ["value", "alive", "purchases", "id"].contains(sort) else { throw ValidationError("--sort: one of value, alive, purchases, id") }
        if let horizon, !(horizon > 0) { throw ValidationError("--horizon: must be positive") }
        guard discount >= 0, discount < 10 else { throw ValidationError("--discount: a yearly rate such as 0.1") }
        if let limit, limit < 0 { throw ValidationError("--limit: must not be negative") }
    }

    func run() throws {
        let store = try storeOptions.open()
        let spec = CLVSpec(asOf: try options.asOfDate(), unit: unit, horizon: horizon, annualDiscountRate: discount)
        let report = CLVReport.make(spec, store.snapshot)
        let fitted = report.purchases.model != nil
        switch options.format {
        case .table: print(CLVSummary.text(report), terminator: "")
        case .csv: if parameters { ReportOutput.print(CLVSummary.table(report), .csv) }
        case .json: break
        }
        guard fitted else {
            if options.format == .json { print(jsonDocument(report, customers: nil)) }
            throw ReportFailure(description: "no predictions: the purchase model is not fitted (\(report.purchases.diagnostics.message))")
        }
        if parameters {
            if options.format == .json { print(jsonDocument(report, customers: nil)) }
            return
        }
        if report.spend.model == nil { warn("expected values left empty: the spend model is not fitted (\(report.spend.diagnostics.message))") }
        var rows = report.customers
        switch sort {
        case "alive": rows.sort { ($0.probabilityAlive ?? 2, idNumber($0.customerId)) < ($1.probabilityAlive ?? 2, idNumber($1.customerId)) }
        case "purchases": rows.sort { ($0.expectedPurchases ?? -1, -idNumber($0.customerId)) > ($1.expectedPurchases ?? -1, -idNumber($1.customerId)) }
        case "value": rows.sort { ($0.expectedValue ?? -1, -idNumber($0.customerId)) > ($1.expectedValue ?? -1, -idNumber($1.customerId)) }
        default: break
        }
        if let limit { rows = Array(rows.prefix(limit)) }
        let human = options.human
        if human { print("") }
        let table = Table(
            columns: ["id", "name", "owner", "frequency", "recency", "T", "spend", "p_alive", "purchases", "expected_spend", "value"],
            rows: rows.map { c in
                [c.customerId, c.name, c.owner ?? "", String(c.history.frequency), ReportOutput.number(c.history.recency, 2),
                 ReportOutput.number(c.history.age, 2), ReportOutput.money(major: c.history.monetaryValue, human),
                 ReportOutput.number(c.probabilityAlive, 3), ReportOutput.number(c.expectedPurchases, 3),
                 ReportOutput.money(major: c.expectedSpend, human), ReportOutput.money(major: c.expectedValue, human)]
            },
            numeric: ["frequency", "recency", "T", "spend", "p_alive", "purchases", "expected_spend", "value"])
        if options.format == .json { print(jsonDocument(report, customers: table)) } else { ReportOutput.print(table, options.format) }
        if human {
            let horizonText = ReportOutput.number(spec.horizon, spec.horizon.rounded() == spec.horizon ? 0 : 1)
            print("\(rows.count) of \(report.customers.count) customers; purchases and value over \(horizonText) \(unit.rawValue)s after \(spec.asOf)"
                  + (discount > 0 ? ", discounted at \(ReportOutput.fraction(discount, true)) a year" : ""))
        }
    }

    /// `{"parameters": [...], "customers": [...]}`: the whole report in one JSON value.
    func jsonDocument(_ report: CLVReport, customers: Table?) -> String {
        var out = "{\n\"parameters\": " + ReportOutput.json(CLVSummary.table(report))
        if let customers { out += ",\n\"customers\": " + ReportOutput.json(customers) }
        return out + "}"
    }
}
