import Foundation

/// A value computed on a thread of its own, for work the first screen does not
/// need but the next keystroke might (the search index) or work that can run
/// beside the main thread's (the follow-up dates while the list rows are built).
///
/// Reading `value` waits until it is there, so a caller that needs it early gets
/// the right answer late, never a wrong one. The work must only read what it
/// captured (value types such as `Snapshot`, shared copy-on-write).
public final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let done = NSCondition()
    private var result: Value?

    public init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let v = work()
            done.lock()
            result = v
            done.broadcast()
            done.unlock()
        }
        // Secondary threads get a small stack by default; the work is ordinary Swift code.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// True once the value is computed (never waits).
    public var isReady: Bool {
        done.lock()
        defer { done.unlock() }
        return result != nil
    }

    /// The value, waiting for the thread to finish when it has not yet.
    public var value: Value {
        done.lock()
        defer { done.unlock() }
        while result == nil { done.wait() }
        return result!
    }
}
