import Foundation
import Testing
import KehuCore
import KehuStore

/// The workstation driven through tmux as a user would: the real binary, a real
/// (virtual) terminal, keys in, screen text out, and the store checked after.
@Suite(.serialized) struct WorkstationE2ETests {
    /// A demo store plus one customer with a distinctive Chinese name.
    func demoStore() throws -> String {
        let dir = temporaryFolder("demo")
        let demo = try KehuBinary.run(["demo", "--store", dir, "--customers", "300", "--no-open"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let add = try KehuBinary.run(["add", "customer", "--store", dir, "--set", "name=欧阳娜娜科技有限公司", "--set", "region=华南",
                                      "--set", "contactStrategy=每月联系"])
        #expect(add.status == 0, "\(add.stderr)")
        return dir
    }

    func command(_ dir: String, _ extra: String) -> String {
        "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color KEHU_STORE='\(dir)' '\(KehuBinary.path)' \(extra)"
    }

    @Test func filterOpenLogQuitAndCheckTheStore() throws {
        guard Tmux.available else { print("skipped: tmux is not installed"); return }
        let dir = try demoStore()
        let tmux = Tmux()
        defer { tmux.kill() }
        try tmux.start(command(dir, "--lang zh"), width: 100, height: 30)
        try tmux.wait(for: "301/301 位客户")

        try tmux.keys("/")
        try tmux.type("ouyangnana")
        let filtered = try tmux.wait(for: " 1/301 位客户")
        #expect(filtered.contains("欧阳娜娜科技有限公司"))
        try tmux.keys("Enter")              // keep the filter
        try tmux.keys("Enter")              // open the customer
        try tmux.wait(for: "基本信息")

        try tmux.keys("i")
        try tmux.wait(for: "记录联系 — 欧阳娜娜科技有限公司")
        try tmux.keys("Right")               // channel: 电话 → 微信
        try tmux.keys("Tab")
        try tmux.type("端到端测试:约周五拜访")
        try tmux.keys("C-s")
        try tmux.wait(for: "已保存 I")
        try tmux.wait(for: "端到端测试:约周五拜访")   // shown in the timeline at once

        try tmux.keys("q")
        #expect(try tmux.waitForExit() == 0)
        #expect(try tmux.format("#{alternate_on}") == "0")   // the terminal is back on the normal screen

        let store = try FileStore(path: dir)
        let customer = store.snapshot.customers.values.first { $0.name == "欧阳娜娜科技有限公司" }!
        let logged = store.snapshot.interactions(of: customer.id)
        #expect(logged.count == 1)
        #expect(logged.first?.note == "端到端测试:约周五拜访")
        #expect(logged.first?.channel == "微信")
        #expect(logged.first?.by == store.user)
    }

    @Test func resizeLanguageHelpAndAnotherUsersChange() throws {
        guard Tmux.available else { print("skipped: tmux is not installed"); return }
        let dir = try demoStore()
        let tmux = Tmux()
        defer { tmux.kill() }
        try tmux.start(command(dir, "--lang en"), width: 80, height: 24)
        try tmux.wait(for: "301/301 customers")

        try tmux.resize(width: 200, height: 50)
        try tmux.wait("side-by-side layout") { $0.contains("│") && $0.contains("Customer view") && $0.contains("Basic information") }

        try tmux.keys("?")
        try tmux.wait(for: "customer-open")
        try tmux.keys("Escape")
        try tmux.keys("L")
        try tmux.wait(for: "301/301 位客户")

        // Another user adds a customer: it appears within a second, without a key press.
        let add = try KehuBinary.run(["add", "customer", "--store", dir, "--set", "name=新来的客户甲"])
        #expect(add.status == 0)
        try tmux.wait(for: "302/302 位客户", timeout: 3)

        try tmux.keys("C-c")
        let status = try tmux.waitForExit()
        let screen = try tmux.screen()
        #expect(status == 0, "exit status \(status); screen:\n\(screen)")
    }

    /// SIGTERM, SIGHUP (a dropped SSH connection), SIGINT, and a crash signal.
    @Test(arguments: [SIGTERM, SIGHUP, SIGINT, SIGSEGV])
    func aSignalRestoresTheTerminal(_ signal: Int32) throws {
        guard Tmux.available else { print("skipped: tmux is not installed"); return }
        let dir = try demoStore()
        let tmux = Tmux()
        defer { tmux.kill() }
        try tmux.start(command(dir, "--lang en"), width: 100, height: 30)
        try tmux.wait(for: "customers")
        #expect(try tmux.format("#{alternate_on}") == "1")
        // The pane's shell runs `env … kehu`; env execs kehu, so the shell's child is kehu.
        guard let pid = try tmux.programPid() else { Issue.record("no program pid"); return }
        kill(pid, signal)
        let status = try tmux.waitForExit()
        #expect(status == 128 + Int(signal))      // it dies of the signal, after restoring the terminal
        #expect(try tmux.format("#{alternate_on}") == "0")
    }

    @Test func refusesANonUTF8Locale() throws {
        let dir = try demoStore()
        let r = try KehuBinary.run(["--store", dir], env: ["LANG": "C", "LC_ALL": "C"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("LANG=C.UTF-8"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }
}
