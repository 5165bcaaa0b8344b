import ArgumentParser
import KehuCore
import KehuStore

/// `kehu report segments`: customers, activity and revenue by one or two fields.
struct ReportSegmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments", abstract: "Customers, active customers and revenue by region, category, owner, …",
        discussion: """
        The period is --from … --to (both days included; default: the 30 days ending on --to, which defaults \
        to today) and is compared with the period of equal length just before it. A customer is active when \
        they bought within the --active-days days ending on --as-of (default: --to).
        """)

    @Option(help: ArgumentHelp("One field or two separated by a comma: \(SegmentDimension.allowed.map(\.field.rawValue).joined(separator: ", ")).", valueName: "FIELD[,FIELD]"))
    var by: String
    @Option(help: ArgumentHelp("First day of the period.", valueName: "YYYY-MM-DD")) var from: String?
    @Option(help: ArgumentHelp("Last day of the period (default: today).", valueName: "YYYY-MM-DD")) var to: String?
    @Option(help: "Active means bought within this many days.") var activeDays = 90
    @OptionGroup var options: ReportOptions
    @OptionGroup var storeOptions: StoreOptions

    func spec() throws -> SegmentSpec {
        var dims: [SegmentDimension] = []
        for part in by.split(separator: ",") {
            switch SegmentDimension.parse(String(part)) {
            case .success(let d): dims.append(d)
            case .failure(let e): throw ValidationError("--by: \(e.message)")
            }
        }
        let end = try ReportOptions.date(to, option: "--to") ?? LocalDate.today(in: .current)
        let start = try ReportOptions.date(from, option: "--from") ?? end.adding(days: -29)
        let spec = SegmentSpec(by: dims, from: start, to: end, activeDays: activeDays,
                               asOf: try ReportOptions.date(options.asOf, option: "--as-of"))
        if let e = spec.validate() { throw ValidationError(e.message) }
        return spec
    }

    func validate() throws { _ = try spec() }

    func run() throws {
        let spec = try spec()
        let store = try storeOptions.open()
        let report = try SegmentSummary.make(spec, store.snapshot)
        let human = options.human, lang = options.lang
        var rows = report.rows.map { row(for: $0, fields: spec.by.count, human: human, lang: lang) }
        if human { rows.append(row(for: report.total, fields: spec.by.count, human: true, lang: lang)) }
        let columns = spec.by.map(\.field.rawValue) + ["customers", "share", "active", "revenue", "orders", "aov", "previous", "change"]
        ReportOutput.print(Table(columns: columns, rows: rows, numeric: ["customers", "share", "active", "revenue", "orders", "aov", "previous", "change"]),
                           options.format)
        if human {
            let p = spec.previousPeriod
            print("\(spec.from) … \(spec.to) against \(p.from) … \(p.to); active = bought within \(spec.activeDays) days up to \(spec.asOf)")
        }
    }

    func row(for r: SegmentRow, fields: Int, human: Bool, lang: Language) -> [String] {
        let keys: [String]
        if r.codes.isEmpty {
            keys = [r.labels.first?.text(lang) ?? ""] + Array(repeating: "", count: fields - 1)
        } else {
            keys = human ? r.labels.map { $0.text(lang) } : r.codes
        }
        return keys + [String(r.customers), ReportOutput.fraction(r.share, human), String(r.active),
                       ReportOutput.money(r.revenue, human), String(r.orders),
                       r.averageOrderValue.map { ReportOutput.money($0, human) } ?? "",
                       ReportOutput.money(r.previousRevenue, human), ReportOutput.fraction(r.change, human, signed: true)]
    }
}
