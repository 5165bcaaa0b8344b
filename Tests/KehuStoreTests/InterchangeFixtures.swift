import KehuCore
import KehuStore

/// A file store filled by the demo generator (customers with contacts, transactions, interactions).
func demoFileStore(_ name: String, seed: UInt64, customers: Int, chunk: Int = 50) throws -> FileStore {
    let s = try FileStore.create(at: temporaryFolder(name), user: "alice")
    var gen = DemoGenerator(seed: seed, customers: customers, today: LocalDate("2026-11-25")!)
    for b in gen.batches(chunk: chunk) { try s.commit(b) }
    return s
}
