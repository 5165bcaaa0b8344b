import ArgumentParser
import KehuCore
import KehuStore

/// `kehu dismiss ID --reason TEXT`: closes a reminder with a reason. A
/// follow-up or purchase reminder comes back one cycle later.
struct DismissCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dismiss", abstract: "Dismiss a reminder, with a reason.")

    @Argument(help: "The reminder id as `kehu reminders` shows it.") var reminder: String
    @Option(help: "Why (kept in the journal).") var reason: String
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let done = try AgendaAction(storeOptions) { setup, store, s in
            [try AgendaAction.reminders(setup, store).dismiss(reminder, reason: reason, in: s)]
        }
        print("\(done.id(or: reminder)) dismissed")
    }
}
