import ArgumentParser
import KehuCore
import KehuStore

/// `kehu remind C12 --on 2026-12-03 --at 09:30 --note "确认报价"`: a manual
/// reminder, assigned to the customer's owner unless `--assignee` says otherwise.
struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remind", abstract: "Set a reminder on a customer for a day.")

    @Argument(help: "Customer id (C12) or external id.") var customer: String
    @Option(name: .customLong("on"), help: ArgumentHelp("The day it is due.", valueName: "YYYY-MM-DD")) var day: String
    @Option(name: .customLong("at"), help: ArgumentHelp("A time of day (24-hour).", valueName: "HH:MM")) var time: String?
    @Option(help: "What to do.") var note: String
    @Option(help: "Who should do it (default: the customer's owner, else you).") var assignee: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let due = try AgendaSetup.date(day, option: "--on")
        let done = try AgendaAction(storeOptions) { setup, store, s in
            [try AgendaAction.reminders(setup, store).create(customer: customer, due: due, time: time, note: note, assignee: assignee, in: s)]
        }
        let f = done.entries[0].change.fields
        let cid = f["customer"]?.stringValue ?? ""
        let when = [f["due"]?.stringValue, f["time"]?.stringValue].compactMap { $0 }.joined(separator: " ")
        print("\(done.id(or: ""))  \(when)  \(cid) \(done.store.snapshot.customers[cid]?.name ?? "")  → \(f["assignee"]?.stringValue ?? "")")
    }
}
