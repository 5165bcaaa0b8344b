import ArgumentParser
import KehuCore
import KehuStore

/// `kehu report at-risk`: customers slipping away, with owner and value.
struct ReportAtRiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "at-risk", abstract: "Customers with a low P(alive) or in the RFM segments At Risk / Can't Lose Them.")

    @Option(help: "List customers whose P(alive) is below this.") var aliveBelow = 0.3
    @Option(help: "Time unit of the purchase model: day or week.") var unit: TimeUnit = .week
    @Option(help: "Horizon of the expected value in units (default: 52 weeks or 365 days).") var horizon: Double?
    @Option(help: "Sort by monetary, value, alive, recency, owner or name.") var sort: AtRiskSort = .monetary
    @Flag(help: "Sort ascending.") var asc = false
    @Flag(help: "Sort descending.") var desc = false
    @Option(help: ArgumentHelp("Only this owner's customers (`-` for the pool).", valueName: "LOGIN")) var owner: String?
    @Option(help: "At most this many rows.") var limit: Int?
    @OptionGroup var options: ReportOptions
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard aliveBelow > 0, aliveBelow <= 1 else { throw ValidationError("--alive-below: a probability in (0, 1]") }
        guard !(asc && desc) else { throw ValidationError("--asc and --desc together") }
        if let horizon, !(horizon > 0) { throw ValidationError("--horizon: must be positive") }
    }

    func run() throws {
        let store = try storeOptions.open()
        let spec = AtRiskSpec(asOf: try options.asOfDate(), aliveBelow: aliveBelow, unit: unit, horizon: horizon,
                              sort: sort, descending: asc ? false : (desc ? true : nil))
        let list: AtRiskList
        do { list = try AtRiskList.make(spec, store.snapshot) } catch { throw ReportFailure(description: error.message) }
        if let note = list.note { warn(note) }
        var rows = list.rows
        if let owner { rows = rows.filter { owner == "-" ? $0.owner == nil : $0.owner == owner } }
        if let limit { rows = Array(rows.prefix(limit)) }
        let human = options.human, lang = options.lang
        let table = Table(
            columns: ["id", "name", "owner", "segment", "p_alive", "value", "monetary", "recency", "last", "reason"],
            rows: rows.map { r in
                [r.customerId, r.name, r.owner ?? (human ? "(公海)" : ""), human ? r.segmentLabel.text(lang) : r.segment,
                 ReportOutput.number(r.probabilityAlive, 3), ReportOutput.money(major: r.expectedValue, human),
                 ReportOutput.money(r.monetary, human), String(r.recency), r.lastPurchase.description,
                 r.reasons.map { reason in
                     switch reason {
                     case .lowProbabilityAlive(let p): return "p_alive \(ReportOutput.number(p, 2)) < \(ReportOutput.number(aliveBelow, 2))"
                     case .segment(let code): return "rfm \(code)"
                     }
                 }.joined(separator: "; ")]
            },
            numeric: ["p_alive", "value", "monetary", "recency"])
        ReportOutput.print(table, options.format)
        if human { print("\(rows.count) of \(list.rows.count) customers at risk as of \(spec.asOf)") }
    }
}
