#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw

/// Puts the terminal back the way it was on every exit path.
///
/// Normal exits call `endwin()`. SIGINT, SIGTERM and SIGHUP (a dropped SSH
/// connection) only set a flag that the main loop sees within 100 ms and then
/// exits normally. Crash signals (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT,
/// SIGTRAP — a Swift runtime trap) cannot return to the loop, so their handler
/// does only async-signal-safe things: `tcsetattr` with the modes saved before
/// ncurses started, and `write` of the saved "leave alternate screen / show
/// cursor / reset attributes" strings, then re-raises with the default action.
enum TerminalGuard {
    nonisolated(unsafe) static var savedModes = termios()
    nonisolated(unsafe) static var haveModes = false
    nonisolated(unsafe) static var resetBytes = [UInt8](repeating: 0, count: 256)
    nonisolated(unsafe) static var resetCount = 0
    nonisolated(unsafe) static var stopRequested: sig_atomic_t = 0
    nonisolated(unsafe) static var stopSignal: Int32 = 0

    static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// Call before `initscr`: saves the terminal modes.
    static func saveModes() {
        haveModes = tcgetattr(STDIN_FILENO, &savedModes) == 0
    }

    /// Call after `initscr`: remembers the reset strings and installs the handlers.
    static func install() {
        var bytes: [UInt8] = []
        for cap in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let p = tigetstr(cap), Int(bitPattern: p) != -1 {
                bytes += Array(String(cString: p).utf8)
            }
        }
        bytes += Array("\r\n".utf8)
        resetCount = min(bytes.count, resetBytes.count)
        for i in 0..<resetCount { resetBytes[i] = bytes[i] }

        // A parent (a test runner, a job manager) may have left these blocked;
        // a blocked SIGTERM would make the workstation unkillable but by SIGKILL.
        var set = sigset_t()
        sigemptyset(&set)
        for s in stopSignals + crashSignals { sigaddset(&set, s) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
        for s in stopSignals {
            signal(s) { sig in
                TerminalGuard.stopSignal = sig
                TerminalGuard.stopRequested = 1
            }
        }
        for s in crashSignals {
            signal(s) { sig in
                TerminalGuard.restoreFromSignal()
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }

    /// Async-signal-safe restore (crash path).
    static func restoreFromSignal() {
        if haveModes { _ = tcsetattr(STDIN_FILENO, TCSANOW, &savedModes) }
        resetBytes.withUnsafeBufferPointer { p in _ = write(STDOUT_FILENO, p.baseAddress, resetCount) }
    }

    /// Uninstalls the handlers (after `endwin`).
    static func uninstall() {
        for s in stopSignals + crashSignals { signal(s, SIG_DFL) }
    }
}
