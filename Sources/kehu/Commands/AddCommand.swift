import ArgumentParser
import KehuCore
import KehuStore

/// `kehu add customer|contact|transaction|interaction --set FIELD=VALUE …`
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a customer, contact, transaction or interaction.",
        discussion: """
        Examples:
          kehu add customer --set name=人易软件 --set region=华南 --set credit=4
          kehu add contact --set customer=C1 --set name=张伟 --set mobile=13800138000
          kehu add transaction --set customer=C1 --set date=2026-11-20 --set amount=12800.00 --set product=年度维护
          kehu add interaction --set customer=C1 --set channel=电话 --set note="Discussed renewal"

        A customer's owner defaults to you; an interaction's time to now and its author to you.
        """)

    enum Kind: String, ExpressibleByArgument, CaseIterable { case customer, contact, transaction, interaction }

    @Argument(help: "What to add: customer, contact, transaction or interaction.") var kind: Kind
    @Option(name: .customLong("set"), help: ArgumentHelp("A field value (repeatable).", valueName: "FIELD=VALUE")) var assignments: [String] = []
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let entity = Entity(rawValue: kind.rawValue)!
        // "Today" in the store's zone ([store] timezone, then the user's, then TZ).
        let today = try store.config.agendaCalendar(userTimeZone: try UserConfig.load().timezone).today()
        let entry = try store.commit { snapshot in
            var fields = try FieldInput.parse(assignments, entity: entity, snapshot: snapshot)
            switch kind {
            case .customer:
                if fields["owner"] == nil {
                    fields["owner"] = .string(store.user)
                    fields["ownerSince"] = .string(today.description)
                }
            case .interaction:
                if fields["at"] == nil { fields["at"] = .string(Timestamp.now.description) }
                if fields["by"] == nil { fields["by"] = .string(store.user) }
            case .transaction:
                if fields["date"] == nil { fields["date"] = .string(today.description) }
            case .contact: break
            }
            return [Change.create(entity, fields)]
        }
        print(entry.first?.change.id ?? "")
    }
}
