#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Thin wrappers over the POSIX calls the store needs, each failing with a
/// `StoreError.io` that names the file.
enum FileIO {
    static func errnoText() -> String { String(cString: strerror(errno)) }

    static func open(_ path: String, _ flags: Int32, _ mode: mode_t = 0o644) throws -> Int32 {
        let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
        if fd < 0 { throw StoreError.io(path: path, message: errnoText()) }
        return fd
    }

    static func size(_ fd: Int32, _ path: String) throws -> Int {
        var st = stat()
        if fstat(fd, &st) != 0 { throw StoreError.io(path: path, message: errnoText()) }
        return Int(st.st_size)
    }

    static func inode(_ path: String) -> UInt64? {
        var st = stat()
        return stat(path, &st) == 0 ? UInt64(st.st_ino) : nil
    }

    /// Reads `count` bytes at `offset` (fewer at end of file).
    static func read(_ fd: Int32, _ path: String, offset: Int, count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        var buf = [UInt8](repeating: 0, count: count)
        var got = 0
        try buf.withUnsafeMutableBytes { p in
            while got < count {
                let n = pread(fd, p.baseAddress! + got, count - got, off_t(offset + got))
                if n < 0 { if errno == EINTR { continue }; throw StoreError.io(path: path, message: errnoText()) }
                if n == 0 { break }
                got += n
            }
        }
        if got < count { buf.removeSubrange(got...) }
        return buf
    }

    /// Writes all bytes (retrying short writes).
    static func writeAll(_ fd: Int32, _ path: String, _ bytes: [UInt8]) throws {
        var done = 0
        try bytes.withUnsafeBytes { p in
            while done < bytes.count {
                let n = Glibc.write(fd, p.baseAddress! + done, bytes.count - done)
                if n < 0 { if errno == EINTR { continue }; throw StoreError.io(path: path, message: errnoText()) }
                done += n
            }
        }
    }

    static func sync(_ fd: Int32, _ path: String) throws {
        if fsync(fd) != 0 { throw StoreError.io(path: path, message: "fsync: " + errnoText()) }
    }

    /// fsyncs a directory so that a create or rename in it is durable.
    static func syncDirectory(_ dir: String) {
        let fd = Glibc.open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { _ = fsync(fd); close(fd) }
    }

    /// Writes a whole file durably: temp file, fsync, rename, fsync the folder.
    static func writeAtomically(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o644) throws {
        let tmp = path + ".tmp-\(getpid())"
        let fd = try open(tmp, O_WRONLY | O_CREAT | O_TRUNC, mode)
        do {
            try writeAll(fd, tmp, bytes)
            try sync(fd, tmp)
            close(fd)
        } catch { close(fd); unlink(tmp); throw error }
        if rename(tmp, path) != 0 { let m = errnoText(); unlink(tmp); throw StoreError.io(path: path, message: "rename: " + m) }
        syncDirectory((path as NSString).deletingLastPathComponent)
    }

    static func lock(_ fd: Int32, _ path: String, exclusive: Bool) throws {
        while flock(fd, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            if errno == EINTR { continue }
            throw StoreError.io(path: path, message: "lock: " + errnoText())
        }
    }

    static func unlock(_ fd: Int32) { _ = flock(fd, LOCK_UN) }

    /// The login of the effective user, from the kernel's uid (not from $USER).
    static func currentLogin() -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "uid\(geteuid())"
    }
}
