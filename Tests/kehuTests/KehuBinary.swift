import Foundation

/// Runs the real `kehu` binary that `swift test` built next to the test bundle.
enum KehuBinary {
    static var path: String {
        let candidates = [
            ((ProcessInfo.processInfo.arguments[0] as NSString).deletingLastPathComponent as NSString).appendingPathComponent("kehu"),
            (((#filePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("../../.build/debug/kehu") as NSString).standardizingPath,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `kehu ARGS…` to completion.
    @discardableResult
    static func run(_ args: [String], env: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        var e = ProcessInfo.processInfo.environment
        e["LANG"] = "C.UTF-8"
        for (k, v) in env { e[k] = v }
        p.environment = e
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let r = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: r, as: UTF8.self))
    }

    /// Starts `kehu ARGS…` and returns the process and its stdout pipe.
    static func start(_ args: [String]) throws -> (Process, Pipe) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        return (p, out)
    }
}

func temporaryFolder(_ name: String = "store") -> String {
    let dir = (NSTemporaryDirectory() as NSString).appendingPathComponent("kehu-cli-\(getpid())-\(UUID().uuidString.prefix(8))/\(name)")
    try? FileManager.default.createDirectory(atPath: (dir as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    return dir
}
