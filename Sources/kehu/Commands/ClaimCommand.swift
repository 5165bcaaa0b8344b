import ArgumentParser
import KehuCore
import KehuStore

/// `kehu claim C12`: takes a customer from the pool (领取). Checked under the
/// store's write lock: when two users claim at once exactly one gets it and
/// the other is told who did.
struct ClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "claim", abstract: "Claim a customer from the pool (公海).")

    @Argument(help: "Customer id (C12) or external id.") var customer: String
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let done = try AgendaAction(storeOptions) { setup, store, s in try setup.pool(user: store.user).claim(customer, in: s) }
        print("\(done.customerLabel(or: customer)): claimed by \(done.store.user) on \(done.setup.today)")
    }
}
