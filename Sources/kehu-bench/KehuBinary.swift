#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Finds the `kehu` executable to time as a real process: `--kehu`, else the
/// one next to this program. `swift run kehu-bench` builds only the benchmark,
/// so when the package is here the sibling is (re)built first (a no-op when it
/// is up to date), in the same configuration.
enum KehuBinary {
    static func locate(_ explicit: String?, log: (String) -> Void) throws -> String? {
        if let explicit { return explicit }
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let binDir = me.deletingLastPathComponent()
        let sibling = binDir.appendingPathComponent("kehu").path
        if FileManager.default.fileExists(atPath: "Package.swift"), let swift = Measure.which("swift") {
            let config = binDir.path.contains("/release") ? "release" : "debug"
            log("building kehu (\(config)) for the real-process steps")
            let r = try Measure.run([swift, "build", "-c", config, "--product", "kehu"])
            if r.status != 0 { log("swift build --product kehu failed (exit \(r.status))") }
        }
        return access(sibling, X_OK) == 0 ? sibling : nil
    }
}

/// One line naming the machine, for the report.
enum Machine {
    static func describe() -> String {
        var cpu = "unknown CPU"
        if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
           let name = line.split(separator: ":", maxSplits: 1).last {
            cpu = name.trimmingCharacters(in: .whitespaces)
        }
        let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        var mem = ""
        if let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MemTotal") }),
           let kb = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") {
            mem = ", \(kb / 1_048_576) GB RAM"
        }
        var load = [Double](repeating: 0, count: 3)
        let loadText = getloadavg(&load, 3) == 3 ? String(format: ", load %.1f", load[0]) : ""
        return "\(cpu), \(cores) cores\(mem)\(loadText)"
    }
}
