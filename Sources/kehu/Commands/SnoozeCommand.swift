import ArgumentParser
import KehuCore
import KehuStore

/// `kehu snooze ID --until DATE`: moves a reminder (R5, or a computed one such
/// as contact:C12:2026-11-30) to a later day; the journal records who and when.
struct SnoozeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "snooze", abstract: "Move a reminder to a later day.")

    @Argument(help: "The reminder id as `kehu reminders` shows it (R5, contact:C12:2026-11-30).") var reminder: String
    @Option(help: ArgumentHelp("The day it should come back.", valueName: "YYYY-MM-DD")) var until: String
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let day = try AgendaSetup.date(until, option: "--until")
        let done = try AgendaAction(storeOptions) { setup, store, s in
            [try AgendaAction.reminders(setup, store).snooze(reminder, until: day, in: s)]
        }
        print("\(done.id(or: reminder)) snoozed until \(day)")
    }
}
