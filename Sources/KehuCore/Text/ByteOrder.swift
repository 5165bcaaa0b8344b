#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-wise ordering of UTF-8 keys. Sorting 100 000 names as `String` is slow
/// (Unicode-aware comparison); sort keys made of pinyin and folded text only
/// need byte order, which `memcmp` gives.
public enum ByteOrder {
    @inline(__always)
    public static func less(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let n = min(a.count, b.count)
        let r = a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in n == 0 ? 0 : memcmp(pa.baseAddress!, pb.baseAddress!, n) } }
        return r != 0 ? r < 0 : a.count < b.count
    }
}
