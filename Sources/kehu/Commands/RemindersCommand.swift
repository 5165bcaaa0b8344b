import ArgumentParser
import KehuCore
import KehuStore

/// `kehu reminders`: what is overdue, due today and due in the next days —
/// follow-ups (跟进), purchase alerts (业务下滑), pool warnings (公海预警) and
/// manual reminders. Yours by default; `--user U` for someone else's, `--all`
/// for everyone's (a manager's morning mail: `kehu reminders --all --format csv`).
struct RemindersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reminders",
        abstract: "List reminders due: overdue, today, and the next days (yours by default).")

    @Option(help: "Only this user's reminders (default: yours, the Unix login; with --customer: everyone's).") var user: String?
    @Flag(help: "Everyone's reminders.") var all = false
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Compute as of this day instead of today.", valueName: "YYYY-MM-DD")) var asOf: String?
    @Option(help: "Also list reminders due up to this many days after today (overdue ones are always listed).") var days = 7
    @Option(help: "Only this customer's reminders (id or external id).") var customer: String?
    @Flag(help: "Print only the one-line count of overdue and due-today reminders (for a login banner).") var summary = false
    @Option(help: "table, csv or json.") var format: OutputFormat = .table
    @Option(help: "Language of kinds and dates in tables: zh or en.") var lang: Language = .zh
    @OptionGroup var storeOptions: StoreOptions

    static let columns = ["id", "due", "time", "when", "kind", "customer", "name", "assignee", "detail"]

    func validate() throws {
        if all && user != nil { throw ValidationError("--all and --user exclude each other") }
        if days < 0 { throw ValidationError("--days: must be 0 or more") }
    }

    func run() throws {
        let store = try storeOptions.open()
        let setup = try AgendaSetup(store: store, asOf: asOf)
        if all || (user.map { $0 != store.user } ?? false), !setup.rules.isManager(store.user) {
            throw ValidationError("only managers may list others' reminders ([pool] managers or [roles] managers); yours: kehu reminders")
        }
        // One customer's reminders are listed whoever they are for, unless --user says otherwise.
        let who = all || (customer != nil && user == nil) ? nil : (user ?? store.user)
        var agenda = Agenda(store.snapshot, planner: setup.planner, assignee: who)
        if let ref = customer {
            guard let c = store.snapshot.customer(ref) else { throw ReminderError.noCustomer(ref) }
            agenda = Agenda(asOf: agenda.asOf, reminders: agenda.of(customer: c.id))
        }
        if summary {
            print(agenda.summary(lang))
            return
        }
        let shown = agenda.due(within: days)
        let human = format == .table
        let rows = shown.map { r -> [String] in
            [r.id, r.due.description, r.time ?? "",
             human ? agenda.when(r, lang) : String(r.daysOverdue(asOf: agenda.asOf)),
             human ? r.kind.label.text(lang) : r.kind.rawValue,
             r.customerId, r.customerName, r.assignee ?? "", r.detail(lang, dictionary: store.snapshot.dictionary)]
        }
        print(Table(columns: RemindersCommand.columns, rows: rows, numeric: human ? [] : ["when"]).render(format), terminator: "")
        if human {
            let whose = who.map { lang == .zh ? "\($0) 的提醒" : "\($0)'s reminders" } ?? (lang == .zh ? "全部提醒" : "all reminders")
            let sep = lang == .zh ? "，" : ", "
            print("\(whose)\(sep)\(agenda.asOf) (\(setup.calendar.timeZone.identifier)): \(agenda.summary(lang))")
        }
    }
}
