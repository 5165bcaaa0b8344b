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

    /// The first 8 bytes of a key as a big-endian integer (zero-padded): when two
    /// prefixes differ they order the keys as `less` does, so a sort compares
    /// integers and reads the keys only on a tie.
    @inline(__always)
    public static func prefix(_ a: [UInt8]) -> UInt64 {
        var p: UInt64 = 0
        a.withUnsafeBufferPointer { b in
            for k in 0..<8 { p = p << 8 | (k < b.count ? UInt64(b[k]) : 0) }
        }
        return p
    }
}
