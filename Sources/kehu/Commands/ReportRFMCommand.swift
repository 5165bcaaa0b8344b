import ArgumentParser
import KehuCore
import KehuStore

/// `kehu report rfm`: RFM scores and the RF segments.
struct ReportRFMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rfm", abstract: "Recency, frequency, monetary scores (1–5) and the RF segments.",
        discussion: """
        Scores are quintiles as pandas computes them (qcut; frequency ranked first-come in customer id order), \
        so a notebook reading `--per-customer --format csv` reproduces them; docs/analytics.md has the rules.
        """)

    @Flag(help: "Every scored customer instead of the segment summary.") var perCustomer = false
    @Option(help: ArgumentHelp("With --per-customer: only this segment (code, e.g. atRisk).", valueName: "CODE")) var segment: String?
    @OptionGroup var options: ReportOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let asOf = try options.asOfDate()
        let report: RFMReport
        do { report = try RFMReport.make(RFMSpec(asOf: asOf), store.snapshot) } catch { throw ReportFailure(description: error.message) }
        if let segment, !report.map.segments.contains(where: { $0.code == segment }) {
            throw ValidationError("--segment: one of \(report.map.segments.map(\.code).joined(separator: ", "))")
        }
        let human = options.human, lang = options.lang
        if perCustomer {
            let rows = report.customers.filter { segment == nil || $0.segment == segment }.map { s in
                [s.customerId, s.name, s.owner ?? "", s.lastPurchase.description, String(s.recency), String(s.frequency),
                 ReportOutput.money(s.monetary, human), String(s.r), String(s.f), String(s.m), s.cell,
                 human ? (report.segmentLabel(s.segment)?.text(lang) ?? s.segment) : s.segment]
            }
            ReportOutput.print(Table(columns: ["id", "name", "owner", "last", "recency", "frequency", "monetary", "r", "f", "m", "rfm", "segment"],
                                     rows: rows, numeric: ["recency", "frequency", "monetary", "r", "f", "m"]), options.format)
        } else {
            let rows = report.segments.map { g in
                [g.code, g.label.text(lang), String(g.customers), ReportOutput.fraction(g.share, human),
                 ReportOutput.number(g.meanRecency, 1), ReportOutput.number(g.meanFrequency, 2),
                 g.meanMonetary.map { ReportOutput.money(Int64($0.rounded()), human) } ?? "",
                 ReportOutput.money(g.totalMonetary, human)]
            }
            ReportOutput.print(Table(columns: ["segment", "label", "customers", "share", "recency", "frequency", "monetary", "total"],
                                     rows: rows, numeric: ["customers", "share", "recency", "frequency", "monetary", "total"]), options.format)
        }
        if human {
            let e = report.scoring
            func edges(_ v: [Double], _ digits: Int) -> String { v.map { ReportOutput.number($0, digits) }.joined(separator: " · ") }
            print("\(report.customers.count) customers with purchases up to \(asOf); recency in days, monetary net of refunds")
            if !report.customers.isEmpty { print("quintile edges: recency \(edges(e.recencyEdges, 1)); frequency rank \(edges(e.frequencyEdges, 1)); monetary \(edges(e.monetaryEdges.map { $0 / 100 }, 2))") }
        }
    }
}
