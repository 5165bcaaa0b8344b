import ArgumentParser
import KehuCore
import KehuStore

/// `kehu release C12 [--reason TEXT]`: puts a customer back in the pool, by its
/// owner or a manager. A locked customer must be unlocked first.
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "release", abstract: "Release a customer into the pool (公海).")

    @Argument(help: "Customer id (C12) or external id.") var customer: String
    @Option(help: "Why (kept in the pool history).") var reason: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let done = try AgendaAction(storeOptions) { setup, store, s in try setup.pool(user: store.user).release(customer, reason: reason, in: s) }
        print("\(done.customerLabel(or: customer)): released into the pool on \(done.setup.today)")
    }
}
