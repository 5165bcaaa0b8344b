#if canImport(Glibc)
import Glibc
#endif
import KehuCore

/// A Unix stream socket carrying one JSON value per line.
final class LineSocket {
    let fd: Int32
    private var buffer: [UInt8] = []
    /// Bytes of `buffer` already consumed, and already searched for a newline.
    private var start = 0
    private var scanned = 0
    private(set) var closed = false

    init(fd: Int32) { self.fd = fd }
    deinit { close(fd) }

    /// Connects to a socket path.
    static func connect(_ path: String) throws -> LineSocket {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw StoreError.io(path: path, message: "socket: " + FileIO.errnoText()) }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: addr.sun_path) else { close(fd); throw StoreError.io(path: path, message: "socket path too long") }
        withUnsafeMutableBytes(of: &addr.sun_path) { p in for (i, b) in bytes.enumerated() { p[i] = b } }
        let rc = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        guard rc == 0 else {
            let m = FileIO.errnoText()
            close(fd)
            throw StoreError.io(path: path, message: "cannot connect to kehu serve: \(m)")
        }
        return LineSocket(fd: fd)
    }

    func send(_ v: Value) throws {
        try send(line: LineSocket.line(v))
    }

    /// One encoded line, so a message pushed to many clients is encoded once.
    static func line(_ v: Value) -> [UInt8] {
        var text = JSONText.encode(v)
        text += "\n"
        return Array(text.utf8)
    }

    func send(line bytes: [UInt8]) throws {
        var done = 0
        try bytes.withUnsafeBytes { p in
            while done < bytes.count {
                let n = Glibc.send(fd, p.baseAddress! + done, bytes.count - done, Int32(MSG_NOSIGNAL))
                if n < 0 { if errno == EINTR { continue }; closed = true; throw StoreError.io(path: "socket", message: FileIO.errnoText()) }
                done += n
            }
        }
    }

    /// The next complete line, waiting up to `timeout` ms (-1: forever, 0: only what is buffered or ready).
    func receive(timeout: Int32 = -1) throws -> Value? {
        while true {
            if let nl = buffer[scanned...].firstIndex(of: 10) {
                let value = try buffer.withUnsafeBufferPointer { try JSONText.parse(UnsafeBufferPointer(rebasing: $0[start..<nl])) }
                start = nl + 1
                scanned = start
                if start > 1 << 20 || start == buffer.count { buffer.removeSubrange(..<start); start = 0; scanned = 0 }
                return value
            }
            scanned = buffer.count
            if closed { return nil }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let r = poll(&pfd, 1, timeout)
            if r < 0 { if errno == EINTR { continue }; throw StoreError.io(path: "socket", message: FileIO.errnoText()) }
            if r == 0 { return nil }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if n < 0 { if errno == EINTR { continue }; closed = true; throw StoreError.io(path: "socket", message: FileIO.errnoText()) }
            if n == 0 { closed = true; return nil }
            buffer.append(contentsOf: chunk[..<n])
        }
    }
}
