import ArgumentParser
import Foundation
import KehuCore
import KehuStore

/// `kehu stress-write`: writes records in a loop and prints each id only after
/// the store acknowledged it. Used by the crash-safety and concurrency tests
/// (kill it at random moments, then verify every printed id is in the store).
struct StressWriteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stress-write", abstract: "Test helper: write records in a loop.", shouldDisplay: false)

    @Option(help: "How many writes.") var count = 1000
    @Option(help: "A tag put in every name, to tell writers apart.") var tag = "w"
    @Option(help: "Every Nth write is a batch of a customer and two interactions (0: never).") var batchEvery = 5
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let out = FileHandle.standardOutput
        let filler = String(repeating: "跟进记录 follow-up note. ", count: 40)
        for i in 0..<count {
            if batchEvery > 0, i % batchEvery == batchEvery - 1 {
                let entries = try store.commit { s in
                    let cid = s.nextId(for: .customer)!
                    let at = Timestamp.now.description
                    return [.create(.customer, id: cid, ["name": .string("\(tag)-\(i)")]),
                            .create(.interaction, ["customer": .string(cid), "at": .string(at), "note": .string(filler)]),
                            .create(.interaction, ["customer": .string(cid), "at": .string(at), "note": .string(filler)])]
                }
                out.write(Data((entries.compactMap(\.change.id).joined(separator: " ") + "\n").utf8))
            } else {
                let e = try store.commit(.create(.customer, ["name": .string("\(tag)-\(i)")]))
                out.write(Data((e.change.id! + "\n").utf8))
            }
        }
    }
}
