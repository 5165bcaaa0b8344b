import ArgumentParser
import KehuCore
import KehuStore

/// `kehu assign C12 --to bob`: a manager gives a pool customer (or transfers
/// an owned one) to a member of the team (分配).
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Assign a customer to a user (managers).")

    @Argument(help: "Customer id (C12) or external id.") var customer: String
    @Option(help: "The login of the new owner.") var to: String
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let done = try AgendaAction(storeOptions) { setup, store, s in try setup.pool(user: store.user).assign(customer, to: to, in: s) }
        print("\(done.customerLabel(or: customer)): assigned to \(to) on \(done.setup.today)")
    }
}
