import ArgumentParser
import KehuCore
import KehuStore

/// `kehu pool`: the customers in the pool (公海), or with `--at-risk` the owned
/// ones about to go there; `kehu pool sweep` applies the automatic releases.
struct PoolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pool",
        abstract: "The customer pool (公海): list it, or sweep released customers into it.",
        subcommands: [PoolListCommand.self, PoolSweepCommand.self],
        defaultSubcommand: PoolListCommand.self)
}

/// `kehu pool list` (the default of `kehu pool`).
struct PoolListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the customers in the pool (公海).")

    @Flag(help: "List owned customers that go to the pool soon instead (within --days, default [pool] warnDays or 7).") var atRisk = false
    @Option(help: "With --at-risk: how many days ahead.") var days: Int?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Compute as of this day instead of today.", valueName: "YYYY-MM-DD")) var asOf: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table
    @Option(help: "Language of explanations in tables: zh or en.") var lang: Language = .zh
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let setup = try AgendaSetup(store: store, asOf: asOf)
        let s = store.snapshot
        let human = format == .table
        if atRisk {
            let ahead = days ?? setup.rules.warnDays ?? 7
            let plans = PoolReport.atRisk(s, rules: setup.rules, calendar: setup.calendar, asOf: setup.today, within: ahead)
            let rows = plans.map { p -> [String] in
                let c = s.customers[p.customerId]
                return [p.customerId, c?.name ?? "", c?.owner ?? "", p.date.description, String(setup.today.days(until: p.date)),
                        p.reason.rawValue, p.since.description, p.explanation(lang)]
            }
            print(Table(columns: ["id", "name", "owner", "releaseOn", "daysLeft", "rule", "since", "detail"], rows: rows,
                        numeric: ["daysLeft"]).render(format), terminator: "")
            if human {
                let none = setup.rules.releases ? "" : (lang == .zh ? "（未配置 [pool] noFollowUpDays / noDealDays）" : " (no [pool] noFollowUpDays / noDealDays configured)")
                print(lang == .zh ? "\(plans.count) 个客户将在 \(ahead) 天内转入公海（截至 \(setup.today)）\(none)"
                                  : "\(plans.count) customers go to the pool within \(ahead) days of \(setup.today)\(none)")
            }
            return
        }
        let entries = PoolReport.pool(s, calendar: setup.calendar)
        let rows = entries.map { e -> [String] in
            [e.customer.id, e.customer.name,
             human ? s.dictionary.label(.region, e.customer.region, lang) : (e.customer.region ?? ""),
             e.history?.lastOwner ?? "", e.history?.releasedOn?.description ?? "", e.history?.releasedBy ?? "",
             e.history?.reason ?? "", e.lastContact?.description ?? "", e.lastPurchase?.description ?? ""]
        }
        print(Table(columns: ["id", "name", "region", "lastOwner", "releasedOn", "releasedBy", "reason", "lastContact", "lastPurchase"],
                    rows: rows).render(format), terminator: "")
        if human {
            print(lang == .zh ? "公海中有 \(entries.count) 个客户；领取：kehu claim ID" : "\(entries.count) customers in the pool; claim one with: kehu claim ID")
        }
    }
}

/// `kehu pool sweep [--as-of DATE]`: releases every customer whose release day
/// has come (one atomic batch; each a customer update with event release). For cron.
struct PoolSweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sweep", abstract: "Release customers not followed up / without a deal into the pool.")

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Apply the rules as of this day instead of today.", valueName: "YYYY-MM-DD")) var asOf: String?
    @Flag(help: "Only list what would be released.") var dryRun = false
    @Option(help: "table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let setup = try AgendaSetup(store: store, asOf: asOf)
        let desk = setup.pool(user: store.user)
        // The plans are read again under the write lock, so a contact logged a
        // moment ago saves its customer.
        var plans: [ReleasePlan] = []
        var owners: [String: String] = [:]
        if dryRun {
            plans = desk.due(in: store.snapshot)
            for p in plans { owners[p.customerId] = store.snapshot.customers[p.customerId]?.owner }
        } else {
            try store.commit { s in
                plans = desk.due(in: s)
                for p in plans { owners[p.customerId] = s.customers[p.customerId]?.owner }
                return desk.sweep(in: s)
            }
        }
        let rows = plans.map { p in
            [p.customerId, store.snapshot.customers[p.customerId]?.name ?? "", owners[p.customerId] ?? "", p.date.description,
             p.reason.rawValue, p.explanation(.en)]
        }
        print(Table(columns: ["id", "name", "owner", "releaseOn", "rule", "detail"], rows: rows).render(format), terminator: "")
        if format == .table {
            let verb = dryRun ? "would release" : "released"
            print("\(verb) \(plans.count) customers into the pool as of \(setup.today)\(setup.rules.releases ? "" : " (no [pool] release rule configured)")")
        }
    }
}
