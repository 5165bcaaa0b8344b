import ArgumentParser
import Foundation
import KehuCore
import KehuStore

/// `kehu report`: segment summaries, RFM, customer lifetime value and the
/// at-risk list, as tables for people or CSV/JSON for scripts. The numbers come
/// from the pure reports in KehuCore/Analytics, the same ones the dashboard shows.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Analytics reports: segments, rfm, clv, at-risk.",
        subcommands: [ReportSegmentsCommand.self, ReportRFMCommand.self, ReportCLVCommand.self, ReportAtRiskCommand.self])
}

/// Options every report shares.
struct ReportOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Report as of this date (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table
    @Option(help: "Label language in tables: zh or en.") var lang: Language = .zh

    func validate() throws { _ = try asOfDate() }

    func asOfDate() throws -> LocalDate { try ReportOptions.date(asOf, option: "--as-of") ?? LocalDate.today(in: .current) }

    static func date(_ text: String?, option: String) throws -> LocalDate? {
        guard let text else { return nil }
        guard let d = LocalDate(text) else { throw ValidationError("\(option): '\(text)' is not a date (YYYY-MM-DD)") }
        return d
    }

    var human: Bool { format == .table }
}

/// A failure the user should read as one line (`kehu: …` on stderr, exit 1).
struct ReportFailure: Error, CustomStringConvertible {
    var description: String
}

extension TimeUnit: ExpressibleByArgument {}
extension AtRiskSort: ExpressibleByArgument {}
