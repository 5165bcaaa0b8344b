import Foundation
import Testing
import KehuCore
@testable import KehuStore

/// An erasure rewrites the journal; `kehu serve` must not leave the erased
/// values in its clients' memory until they log in again.
@Suite struct ServerResetTests {
    @Test func anErasureReachesConnectedClients() throws {
        let dir = temporaryFolder()
        let fs = try FileStore.create(at: dir, user: "kehu")
        let me = FileIO.currentLogin()
        try fs.commit([.create(.customer, ["name": "锦绣化工", "phone": "13800138000", "email": "zhang@example.com", "owner": .string(me)]),
                       .create(.customer, ["name": "恒通物流", "phone": "02038881234", "owner": .string(me)])])
        try "[roles]\nadmins = [\"\(me)\"]\n".write(toFile: dir + "/config.toml", atomically: true, encoding: .utf8)
        let server = StoreServer(store: try FileStore(path: dir, user: "kehu"), socketPath: dir + ".sock")
        try server.start()
        Thread { try? server.run() }.start()
        defer { server.stop() }
        let client = try RemoteStore(socketPath: dir + ".sock")
        #expect(client.snapshot.customers["C1"]?.fieldValues["phone"] == .string("13800138000"))

        _ = try Erasure.erase(customer: "C1", in: dir, by: me, policy: AccessPolicy(sections: [:]))
        var changed = false
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            changed = try client.refresh() || changed
            if client.snapshot.customers["C1"]?.fieldValues["phone"] == nil { break }
            usleep(100_000)
        }
        #expect(changed, "refresh() reports the reset")
        let c1 = client.snapshot.customers["C1"]?.fieldValues ?? [:]
        #expect(c1["phone"] == nil && c1["email"] == nil, "erased values are gone from the client: \(c1)")
        #expect(c1["name"] == .string("锦绣化工"))
        #expect(client.snapshot.customers["C2"]?.fieldValues["phone"] == .string("02038881234"), "other customers are intact")
        // The client keeps working on the new state.
        try client.commit(.update(.customer, id: "C2", base: client.snapshot.customers["C2"]!.version, ["notes": "仍可写入"]))
        #expect(try FileStore(path: dir).snapshot.customers["C2"]?.fieldValues["notes"] == .string("仍可写入"))
    }
}
