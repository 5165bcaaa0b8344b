import ArgumentParser
import KehuCore
import KehuStore

/// `kehu done R5`: marks a manual reminder done (computed ones are done by
/// logging the contact or purchase they ask for).
struct DoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark a manual reminder done.")

    @Argument(help: "The reminder id (R5).") var reminder: String
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let done = try AgendaAction(storeOptions) { setup, store, s in [try AgendaAction.reminders(setup, store).done(reminder, in: s)] }
        print("\(done.id(or: reminder)) done")
    }
}
