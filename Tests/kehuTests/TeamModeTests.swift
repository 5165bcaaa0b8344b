import Foundation
import Testing
import KehuCore
@testable import KehuStore

/// Team mode with real Unix users: a rep cannot read another rep's private
/// customers by any route; masking and audit work; concurrent clients lose
/// nothing; changes are pushed within a second; a backup taken under writes
/// restores and passes `kehu check`. Needs root (CI runs as root) for useradd/runuser.
@Suite(.serialized, .enabled(if: geteuid() == 0, "needs root to create Unix users"))
struct TeamModeTests {
    static let server = "kehutsrv", rep1 = "kehutrep1", rep2 = "kehutrep2", manager = "kehutmgr"

    static func ensureUsers() throws {
        for u in [server, rep1, rep2, manager] where getpwnam(u) == nil {
            let r = try sh("/usr/sbin/useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", u])
            #expect(r.status == 0, "useradd \(u): \(r.stderr)")
        }
    }

    @discardableResult
    static func sh(_ cmd: String, _ args: [String], input: String? = nil) throws -> KehuBinary.Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: cmd)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        p.environment = env
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = inp
        try p.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        inp.fileHandleForWriting.closeFile()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return .init(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// Runs kehu as another Unix user.
    static func kehu(as user: String, _ args: [String]) throws -> KehuBinary.Result {
        try sh("/usr/sbin/runuser", ["-u", user, "--", KehuBinary.path] + args)
    }

    @Test func repsSeeOnlyWhatTheirRoleAllows() throws {
        try Self.ensureUsers()
        let base = temporaryFolder("team")
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        chmod((base as NSString).deletingLastPathComponent, 0o755)
        chmod(base, 0o755)
        let dir = base + "/store", sock = base + "/kehu.sock"
        let s = try FileStore.create(at: dir, user: Self.server)
        try s.commit([
            .create(.customer, ["name": "代表一的客户", "owner": .string(Self.rep1), "phone": "13800138001", "email": "one@example.com"]),
            .create(.customer, ["name": "代表二的私有客户", "owner": .string(Self.rep2), "phone": "13800138002", "email": "secret@example.com"]),
            .create(.customer, ["name": "公海客户", "phone": "13800138003", "email": "pool@example.com"]),
            .create(.contact, ["customer": "C2", "name": "王秘密", "mobile": "13900000002"]),
        ])
        try """
        [roles]
        admins = ["root"]
        managers = ["\(Self.manager)"]
        [teams]
        east = ["\(Self.manager)", "\(Self.rep1)"]
        """.write(toFile: dir + "/config.toml", atomically: true, encoding: .utf8)
        // Team mode: only the server's user can read the store files.
        _ = try Self.sh("/bin/chown", ["-R", "\(Self.server):\(Self.server)", dir])
        _ = try Self.sh("/bin/chown", ["\(Self.server):\(Self.server)", base])  // the socket's folder
        chmod(dir, 0o700)

        let serve = Process()
        serve.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        serve.arguments = ["-u", Self.server, "--", KehuBinary.path, "serve", "--store", dir, "--socket", sock]
        serve.standardError = FileHandle.nullDevice
        try serve.run()
        defer { serve.terminate(); serve.waitUntilExit() }
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: sock) { usleep(50_000) }

        // Workstation / CLI route.
        let list1 = try Self.kehu(as: Self.rep1, ["list", "--server", sock, "--format", "csv"])
        #expect(list1.status == 0, "\(list1.stderr)")
        #expect(list1.stdout.contains("代表一的客户") && list1.stdout.contains("公海客户"))
        #expect(!list1.stdout.contains("代表二"))
        let show = try Self.kehu(as: Self.rep1, ["show", "C2", "--server", sock])
        #expect(show.status != 0 && !show.stdout.contains("代表二"))
        let export = try Self.kehu(as: Self.rep1, ["privacy", "export", "C2", "--server", sock])
        #expect(export.status != 0 && !export.stdout.contains("secret"))
        // The manager sees the team (rep1) but not rep2.
        let listM = try Self.kehu(as: Self.manager, ["list", "--server", sock, "--format", "csv"])
        #expect(listM.stdout.contains("代表一的客户") && !listM.stdout.contains("代表二"))
        // Files route.
        #expect(try Self.sh("/usr/sbin/runuser", ["-u", Self.rep1, "--", "/bin/cat", dir + "/journal.jsonl"]).status != 0)
        #expect(try Self.kehu(as: Self.rep1, ["list", "--store", dir]).status != 0)
        // Raw socket route: identity is the kernel's, whatever the client says.
        let script = """
        import socket, json, sys
        s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); f = s.makefile('rwb')
        def ask(o):
            f.write((json.dumps(o) + "\\n").encode()); f.flush()
            while True:
                m = json.loads(f.readline())
                if 'reply' in m: return m['reply']
        h = ask({"op": "hello", "user": "\(Self.rep2)", "role": "admin"})
        print("USER", h["user"]); print("HAS_C2", any(r["id"] == "C2" for r in h["records"])); print("HAS_P1", any(r["id"] == "P1" for r in h["records"]))
        c = ask({"op": "commit", "changes": [{"op": "update", "type": "customer", "id": "C2", "base": 1, "set": {"owner": "\(Self.rep1)"}}]})
        print("COMMIT_OK", c["ok"])
        r = ask({"op": "reveal", "id": "C2", "field": "phone"})
        print("REVEAL_OK", r["ok"])
        """
        let raw = try Self.sh("/usr/sbin/runuser", ["-u", Self.rep1, "--", "/usr/bin/env", "python3", "-c", script, sock])
        #expect(raw.stdout.contains("USER \(Self.rep1)"), "\(raw.stdout) \(raw.stderr)")
        #expect(raw.stdout.contains("HAS_C2 False") && raw.stdout.contains("HAS_P1 False"))
        #expect(raw.stdout.contains("COMMIT_OK False") && raw.stdout.contains("REVEAL_OK False"))

        // Masking: the pool customer's phone is masked for rep1; their own is clear; reveal is audited.
        let poolShow = try Self.kehu(as: Self.rep1, ["show", "C3", "--server", sock])
        #expect(poolShow.stdout.contains("138****8003") && !poolShow.stdout.contains("13800138003"))
        #expect(poolShow.stdout.contains("p***@example.com"))
        #expect(try Self.kehu(as: Self.rep1, ["show", "C1", "--server", sock]).stdout.contains("13800138001"))
        let reveal = try Self.kehu(as: Self.rep1, ["reveal", "C3", "phone", "--server", sock])
        #expect(reveal.stdout == "13800138003\n")
        // A masked value cannot be written back.
        let writeMasked = try Self.kehu(as: Self.rep1, ["edit", "C1", "--set", "phone=138****8001", "--server", sock])
        #expect(writeMasked.status != 0)

        // Pushes: an admin client sees rep1's change within a second.
        let watcher = try RemoteStore(socketPath: sock)
        #expect(watcher.role == .admin)
        let before = watcher.snapshot.interactions.count
        #expect(try Self.kehu(as: Self.rep1, ["add", "interaction", "--set", "customer=C1", "--set", "note=pushed", "--server", sock]).status == 0)
        var seen = false
        for _ in 0..<20 { if try watcher.refresh(), watcher.snapshot.interactions.count > before { seen = true; break }; usleep(50_000) }
        #expect(seen, "the change reached another client within a second")

        // Two clients writing at once lose nothing; a backup taken meanwhile restores and checks.
        let w1 = Process(), w2 = Process()
        for (p, u) in [(w1, Self.rep1), (w2, Self.rep2)] {
            p.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            p.arguments = ["-u", u, "--", KehuBinary.path, "stress-write", "--server", sock, "--count", "150", "--tag", u, "--batch-every", "0"]
            p.standardOutput = FileHandle.nullDevice; p.standardError = FileHandle.nullDevice
            try p.run()
        }
        usleep(300_000)
        let backupDir = base + "/backup"
        let backup = try Self.sh("/usr/sbin/runuser", ["-u", Self.server, "--", KehuBinary.path, "backup", "--store", dir, backupDir])
        #expect(backup.status == 0, "\(backup.stderr)")
        w1.waitUntilExit(); w2.waitUntilExit()
        #expect(w1.terminationStatus == 0 && w2.terminationStatus == 0)
        let all = try Self.kehu(as: "root", ["list", "--server", sock, "--format", "csv"]).stdout
        for u in [Self.rep1, Self.rep2] { for i in [0, 75, 149] { #expect(all.contains("\(u)-\(i),")) } }
        #expect(StoreChecker.check(path: backupDir).ok)
        let restored = base + "/restored"
        let r = try Self.kehu(as: "root", ["restore", "--store", restored, backupDir])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(StoreChecker.check(path: restored).ok)

        // The audit trail shows the reveal, the refusals and rep1's changes.
        let audit = try Self.kehu(as: "root", ["audit", "--server", sock, "--format", "csv"]).stdout
        #expect(audit.contains("\(Self.rep1),reveal,C3"))
        #expect(audit.contains("\(Self.rep1),denied"))
        #expect(audit.contains("\(Self.rep1),create,C1"))
    }
}
