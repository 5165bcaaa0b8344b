#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// One measured step: wall time, and CPU time of this process (or of a child
/// process), which stays meaningful on a machine shared with other work where
/// wall time does not.
struct Sample: Sendable {
    var wall: Double
    var cpu: Double
}

enum Measure {
    static func monotonic() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// CPU time of the whole process: steps such as the import and dedup use every core,
    /// and nothing else runs in the benchmark while a step is timed.
    static func processCPU() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Runs `body` once and returns its result with the time it took.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Sample) {
        let w0 = monotonic(), c0 = processCPU()
        let r = try body()
        return (r, Sample(wall: monotonic() - w0, cpu: processCPU() - c0))
    }

    /// The result of a child process.
    struct Child {
        var status: Int32
        var wall: Double
        var cpu: Double
        var maxRSS: Int
        var output: String
    }

    /// Runs a program, feeding `input` to its stdin, and reports its wall and CPU time, and its peak RSS.
    ///
    /// The peak comes from GNU time (`/usr/bin/time -f %M`) when it is installed: wait4's
    /// ru_maxrss of a posix_spawn'ed child is not usable, because glibc spawns with
    /// CLONE_VM and Linux carries the parent's high-water mark into the child across exec.
    static func run(_ argv: [String], input: String? = nil, stdoutTo path: String? = nil, environment: [String: String] = [:]) throws -> Child {
        if access("/usr/bin/time", X_OK) == 0 {
            let rssFile = (NSTemporaryDirectory() as NSString).appendingPathComponent("kehu-bench-\(getpid())-rss")
            defer { unlink(rssFile) }
            var r = try spawn(["/usr/bin/time", "-f", "%M", "-o", rssFile] + argv, input: input, stdoutTo: path, environment: environment)
            let kb = (try? String(contentsOfFile: rssFile, encoding: .utf8))?.split(separator: "\n").last.flatMap { Int($0) }
            r.maxRSS = (kb ?? 0) * 1024
            return r
        }
        var r = try spawn(argv, input: input, stdoutTo: path, environment: environment)
        r.maxRSS = 0
        return r
    }

    private static func spawn(_ argv: [String], input: String?, stdoutTo path: String?, environment: [String: String]) throws -> Child {
        let outFile = path ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("kehu-bench-\(getpid())-\(UInt64(monotonic() * 1e6)).out")
        var inFile: String?
        if let input {
            let p = outFile + ".in"
            try input.write(toFile: p, atomically: false, encoding: .utf8)
            inFile = p
        }
        defer { if let inFile { unlink(inFile) }; if path == nil { unlink(outFile) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inFile ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let args = argv.map { strdup($0) } + [nil]
        defer { for p in envp { free(p) }; for p in args { free(p) } }
        var pid: pid_t = 0
        let w0 = monotonic()
        let rc = posix_spawnp(&pid, argv[0], &actions, nil, args, envp)
        guard rc == 0 else { throw BenchError("cannot run \(argv[0]): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let wall = monotonic() - w0
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        let out = (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? ""
        return Child(status: (status >> 8) & 0xFF, wall: wall, cpu: cpu, maxRSS: Int(usage.ru_maxrss) * 1024, output: path == nil ? out : "")
    }

    /// The full path of a program on $PATH, or nil.
    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if access(p, X_OK) == 0 { return p }
        }
        return nil
    }

    static func percentile(_ xs: [Double], _ p: Double) -> Double {
        guard !xs.isEmpty else { return 0 }
        let s = xs.sorted()
        let rank = Int((p / 100 * Double(s.count - 1)).rounded())
        return s[min(max(rank, 0), s.count - 1)]
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
