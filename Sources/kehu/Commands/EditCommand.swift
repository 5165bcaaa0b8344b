import ArgumentParser
import KehuCore
import KehuStore

/// `kehu edit ID --set FIELD=VALUE …`: one atomic update.
///
/// With `--base VERSION` (the version you looked at, as `kehu show` prints it)
/// the edit is refused as a conflict when someone changed the record since.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change fields of a record.")

    @Argument(help: "The record id (C12, P3, T40, I7) or a customer's external id.") var id: String
    @Option(name: .customLong("set"), help: ArgumentHelp("A field value (repeatable); an empty value clears the field.", valueName: "FIELD=VALUE")) var assignments: [String] = []
    @Option(help: "Refuse the edit if the record's version is no longer this one.") var base: Int?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if assignments.isEmpty { throw ValidationError("nothing to change: give at least one --set FIELD=VALUE") }
    }

    func run() throws {
        let store = try storeOptions.open()
        let entries = try store.commit { snapshot in
            let (entity, rid) = try RecordRef.resolve(id, in: snapshot)
            let fields = try FieldInput.parse(assignments, entity: entity, snapshot: snapshot)
            let current = snapshot.version(entity: entity.rawValue, id: rid) ?? 0
            return [Change.update(entity, id: rid, base: base ?? current, fields)]
        }
        if let e = entries.first { print("\(e.change.id ?? id) saved (version \(store.snapshot.version(entity: e.change.entity, id: e.change.id ?? "") ?? 0))") }
    }
}

/// `kehu delete ID`.
struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a record (a customer with its contacts, transactions and interactions).")

    @Argument(help: "The record id.") var id: String
    @Option(help: "Refuse if the record's version is no longer this one.") var base: Int?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let entries = try store.commit { snapshot in
            let (entity, rid) = try RecordRef.resolve(id, in: snapshot)
            var changes: [Change] = []
            if entity == .customer {
                // Children go in the same atomic batch, so nothing is left pointing at a missing customer.
                for c in snapshot.contacts(of: rid) { changes.append(.delete(.contact, id: c.id, base: c.version)) }
                for t in snapshot.transactions(of: rid) { changes.append(.delete(.transaction, id: t.id, base: t.version)) }
                for i in snapshot.interactions(of: rid) { changes.append(.delete(.interaction, id: i.id, base: i.version)) }
            }
            changes.append(.delete(entity, id: rid, base: base ?? snapshot.version(entity: entity.rawValue, id: rid)))
            return changes
        }
        print("deleted \(entries.count) record(s)")
    }
}
