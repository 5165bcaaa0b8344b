import Foundation
import Testing
import KehuCore
@testable import KehuStore

/// The team-mode backend passes the same suite as the file store.
@Suite struct RemoteStoreConformanceTests {
    @Test func remoteStorePassesTheConformanceSuite() throws {
        var servers: [StoreServer] = []
        defer { servers.forEach { $0.stop() } }
        try StoreConformance(make: {
            let dir = temporaryFolder()
            let fs = try FileStore.create(at: dir, user: "kehu")
            let me = FileIO.currentLogin()
            try "[roles]\nadmins = [\"\(me)\"]\n".write(toFile: dir + "/config.toml", atomically: true, encoding: .utf8)
            let server = StoreServer(store: try FileStore(path: dir, user: "kehu"), socketPath: dir + ".sock")
            _ = fs
            try server.start()
            let t = Thread { try? server.run() }
            t.start()
            servers.append(server)
            return (try RemoteStore(socketPath: dir + ".sock"), { try RemoteStore(socketPath: dir + ".sock") })
        }).runAll()
    }

    @Test func masksAndMasksFormat() {
        #expect(AccessPolicy.mask("13856785678", field: "phone") == "138****5678")
        #expect(AccessPolicy.mask("zhang@example.com", field: "email") == "z***@example.com")
        #expect(AccessPolicy.mask("020-38881234", field: "phone").hasSuffix("1234"))
        #expect(!AccessPolicy.mask("020-38881234", field: "phone").contains("3888"))
    }
}

@Suite struct ServerPoolRuleTests {
    /// A client that writes the owner change by hand (without the claim
    /// counters the CLI adds) is still held to the pool's limits.
    @Test func handWrittenClaimsAreHeldToThePoolRules() throws {
        let dir = temporaryFolder()
        let fs = try FileStore.create(at: dir, user: "kehu")
        try fs.commit([.create(.customer, ["name": "公海一"]), .create(.customer, ["name": "公海二"])])
        try "[pool]\nclaimsPerDay = 1\n".write(toFile: dir + "/config.toml", atomically: true, encoding: .utf8)
        let server = StoreServer(store: try FileStore(path: dir, user: "kehu"), socketPath: dir + ".sock")
        try server.start()
        Thread { try? server.run() }.start()
        defer { server.stop() }
        let me = FileIO.currentLogin()
        let client = try RemoteStore(socketPath: dir + ".sock")
        try client.commit(.update(.customer, id: "C1", base: 1, ["owner": .string(me)]))
        #expect(client.snapshot.extras[PoolClaims.entity]?.isEmpty == false, "the server wrote the claim counter")
        do {
            try client.commit(.update(.customer, id: "C2", base: 1, ["owner": .string(me)]))
            Issue.record("a second claim on the same day must be refused")
        } catch let e as StoreError {
            #expect("\(e)".contains("C2"))
        }
    }
}
