import Foundation

/// Data-parallel helpers for the pure, independent per-item work of dedup and import.
public enum Parallel {
    /// `(0..<count).map(transform)` spread over the machine's cores. `transform`
    /// must only read shared state (it runs on several threads at once).
    public static func map<T>(_ count: Int, _ transform: (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = buffer.baseAddress!
            let workers = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount) * 4)
            withoutActuallyEscaping(transform) { t in
                nonisolated(unsafe) let t = t
                nonisolated(unsafe) let base = base
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    var i = w
                    while i < count { (base + i).initialize(to: t(i)); i += workers }
                }
            }
            initialized = count
        }
    }
}
