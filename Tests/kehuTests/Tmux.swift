import Foundation

/// Drives a real terminal for end-to-end tests: a tmux server on its own
/// socket, one session, keys in, screen text out. Waits poll the screen with
/// a timeout instead of sleeping a fixed time.
final class Tmux {
    let socket = "kehu-e2e-\(getpid())-\(UUID().uuidString.prefix(6))"
    let session = "e2e"

    static var available: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a tmux command and returns what it printed.
    ///
    /// Uses `posix_spawn` rather than `Process`: the test runner blocks
    /// signals, and a child must start with a clean mask and default handlers,
    /// or the tmux server and the workstation under it would inherit a blocked
    /// SIGTERM. Output goes through a temporary file because the first command
    /// forks the tmux server, which would hold a pipe open for ever.
    @discardableResult
    func run(_ args: [String]) throws -> String {
        let outPath = NSTemporaryDirectory() + "/tmux-out-\(getpid())-\(UUID().uuidString.prefix(8))"
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t(); sigemptyset(&empty)
        var all = sigset_t(); sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"; env["LC_ALL"] = "C.UTF-8"
        env.removeValue(forKey: "TMUX")
        let argv = ["tmux", "-u", "-L", socket] + args
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, "tmux", &actions, &attr, cArgs, cEnv)
        guard rc == 0 else { throw TmuxTimeout(message: "cannot run tmux: \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    /// Starts `command` (run by sh) in a width×height terminal; when it exits,
    /// the shell prints its status (tmux 3.3's `pane_dead_status` is not reliable).
    func start(_ command: String, width: Int, height: Int) throws {
        try run(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), command + "; echo KEHU-EXIT:$?; sleep 60"])
        try run(["set-option", "-t", session, "remain-on-exit", "on"])
    }

    func keys(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }
    func type(_ text: String) throws { try run(["send-keys", "-t", session, "-l", text]) }
    func screen() throws -> String { try run(["capture-pane", "-p", "-t", session]) }
    func format(_ f: String) throws -> String { try run(["display-message", "-p", "-t", session, f]).trimmingCharacters(in: .whitespacesAndNewlines) }
    func resize(width: Int, height: Int) throws { try run(["resize-window", "-t", session, "-x", String(width), "-y", String(height)]) }

    /// Polls the screen until `predicate` holds or `timeout` passes; returns the last screen.
    @discardableResult
    func wait(_ what: String, timeout: Double = 15, _ predicate: (String) -> Bool) throws -> String {
        let end = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < end {
            last = try screen()
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TmuxTimeout(message: "timed out waiting for \(what); screen was:\n\(last)")
    }

    func wait(for text: String, timeout: Double = 15) throws -> String { try wait("'\(text)'", timeout: timeout) { $0.contains(text) } }

    /// Waits for the program to exit; returns its status (128 + N for signal N).
    func waitForExit(timeout: Double = 10) throws -> Int {
        let text = try wait("the program to exit", timeout: timeout) { $0.contains("KEHU-EXIT:") }
        let tail = text.components(separatedBy: "KEHU-EXIT:")[1]
        return Int(tail.prefix { $0.isNumber }) ?? -1
    }

    /// The process the pane's shell started (the program under test).
    func programPid() throws -> pid_t? {
        guard let shell = Int32(try format("#{pane_pid}")) else { return nil }
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    func kill() { _ = try? run(["kill-server"]) }
}

struct TmuxTimeout: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
