#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Cold open to the first drawn screen: a real `kehu` process on a
/// pseudo-terminal (120×40), timed from spawn until its first frame is
/// complete (the header row has arrived and output then pauses for 300 ms),
/// then stopped with SIGTERM (the workstation restores the terminal and exits).
enum PtyScreen {
    struct Result {
        var firstScreen: Double
        var maxRSS: Int
        var cpu: Double
        var bytes: Int
    }

    static func run(kehu: String, store: String, marker: String, timeout: Double = 120) throws -> Result {
        // posix_openpt/grantpt/unlockpt/ptsname are hidden from Swift's Glibc module;
        // on Linux they are /dev/ptmx plus two ioctls (same numbers on x86-64 and arm64).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0, number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431 /* TIOCSPTLCK */, &unlock) == 0,
              ioctl(master, 0x8004_5430 /* TIOCGPTN */, &number) == 0 else {
            throw BenchError("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slave = "/dev/pts/\(number)"
        defer { close(master) }
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        posix_spawnattr_setflags(&attr, 0x80 /* POSIX_SPAWN_SETSID, glibc ≥ 2.26 */)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After setsid, the first terminal opened becomes the controlling one.
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        env["LC_ALL"] = "C.UTF-8"
        env["LANG"] = "C.UTF-8"
        env["COLUMNS"] = nil; env["LINES"] = nil
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let argv = [kehu, "--store", store, "--lang", "en"]
        let args = argv.map { strdup($0) } + [nil]
        defer { for p in envp { free(p) }; for p in args { free(p) } }

        var pid: pid_t = 0
        let t0 = Measure.monotonic()
        let rc = posix_spawn(&pid, kehu, &actions, &attr, args, envp)
        guard rc == 0 else { throw BenchError("cannot start \(kehu): \(String(cString: strerror(rc)))") }

        var seen: [UInt8] = []
        var markerAt: Double?
        var lastByte = t0
        let markerBytes = Array(marker.utf8)
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let now = Measure.monotonic()
            if now - t0 > timeout { break }
            if markerAt != nil && now - lastByte > 0.3 { break }
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, 50)
            if ready > 0 {
                let n = read(master, &buf, buf.count)
                if n <= 0 { break }
                lastByte = Measure.monotonic()
                seen.append(contentsOf: buf[0..<n])
                if markerAt == nil, seen.count >= markerBytes.count,
                   seen.withUnsafeBufferPointer({ b in
                       (0...(b.count - markerBytes.count)).contains { i in markerBytes.indices.allSatisfy { b[i + $0] == markerBytes[$0] } }
                   }) {
                    markerAt = lastByte
                }
            }
        }
        let firstScreen = (markerAt == nil ? Double.nan : lastByte - t0)
        // The workstation's own peak, read while it runs (see Measure.run on why not wait4's).
        let peak = hwm(pid)
        kill(pid, SIGTERM)
        // Drain so the child is not blocked writing its terminal restore.
        let stopBy = Measure.monotonic() + 10
        var status: Int32 = 0
        var usage = rusage()
        while Measure.monotonic() < stopBy {
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&pfd, 1, 50) > 0 { if read(master, &buf, buf.count) <= 0 { break } }
            if wait4(pid, &status, WNOHANG, &usage) == pid { pid = 0; break }
        }
        if pid != 0 { kill(pid, SIGKILL); _ = wait4(pid, &status, 0, &usage) }
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        if markerAt == nil {
            let tail = String(decoding: seen.suffix(300), as: UTF8.self)
            throw BenchError("no first screen within \(Int(timeout)) s (marker '\(marker)' not seen); last output: \(tail.debugDescription)")
        }
        return Result(firstScreen: firstScreen, maxRSS: peak, cpu: cpu, bytes: seen.count)
    }

    /// VmHWM of a live process, in bytes.
    static func hwm(_ pid: pid_t) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return (Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0) * 1024
    }
}
