import Foundation
import KehuCore
import KehuStore

/// `kehu check --data`: the data-quality report (`DataQualityReport`), rendered.
/// Findings do not make the command fail: real customer data always has some,
/// and the store itself is sound when this runs.
enum DataCheck {
    static func run(_ options: StoreOptions, format: OutputFormat) throws {
        let store = try options.open()
        let zone = store.config.timeZoneName.flatMap(TimeZone.init(identifier:)) ?? .current
        let report = DataQualityReport.build(store.snapshot, today: LocalDate.today(in: zone))
        let rows = report.findings.map { [$0.kind.rawValue, $0.id, $0.field, $0.value, $0.detail] }
        guard format == .table else {
            print(Table(columns: ["kind", "id", "field", "value", "problem"], rows: rows).render(format), terminator: "")
            return
        }
        let summary = DataQualityReport.Kind.allCases.map { k in
            [k.label.zh + " / " + k.label.en, String(report.count(k)), report.findings.first { $0.kind == k }.map { [$0.id, $0.field, $0.value].filter { !$0.isEmpty }.joined(separator: " ") } ?? ""]
        }
        print("data quality of \(report.customers) customers:")
        print(Table(columns: ["check", "count", "example"], rows: summary, numeric: ["count"]).render(.table), terminator: "")
        if !report.findings.isEmpty { print("every finding: kehu check --data --format csv") }
    }
}
