/// Jaro-Winkler similarity on Unicode scalars (0 = nothing alike, 1 = equal).
///
/// Works on scalars, not bytes, so one Han character is one unit: 深圳华强 and
/// 深圳华强 with one character mistyped differ by one unit of four, as a reader
/// sees it. The Winkler bonus rewards a common prefix of up to four units, which
/// suits names (the start of a name is typed more carefully than its end).
public enum JaroWinkler {
    public static func similarity(_ a: [UInt32], _ b: [UInt32], prefixScale: Double = 0.1) -> Double {
        let la = a.count, lb = b.count
        if la == 0 || lb == 0 { return la == lb ? 1 : 0 }
        if a == b { return 1 }
        let window = max(0, max(la, lb) / 2 - 1)
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: la + lb) { flags in
            flags.initialize(repeating: false)
            var matches = 0
            for i in 0..<la {
                let lo = max(0, i - window), hi = min(lb - 1, i + window)
                if lo > hi { continue }
                for j in lo...hi where !flags[la + j] && a[i] == b[j] {
                    flags[i] = true; flags[la + j] = true; matches += 1; break
                }
            }
            if matches == 0 { return 0 }
            var transpositions = 0, k = 0
            for i in 0..<la where flags[i] {
                while !flags[la + k] { k += 1 }
                if a[i] != b[k] { transpositions += 1 }
                k += 1
            }
            let m = Double(matches)
            let jaro = (m / Double(la) + m / Double(lb) + (m - Double(transpositions / 2)) / m) / 3
            var prefix = 0
            while prefix < min(4, min(la, lb)) && a[prefix] == b[prefix] { prefix += 1 }
            return jaro + Double(prefix) * prefixScale * (1 - jaro)
        }
    }

    public static func similarity(_ a: String, _ b: String) -> Double {
        similarity(a.unicodeScalars.map(\.value), b.unicodeScalars.map(\.value))
    }
}
