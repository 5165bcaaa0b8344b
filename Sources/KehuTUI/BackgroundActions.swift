import Foundation
import KehuCore

/// Work the workstation runs off the UI thread (dedup over the whole store).
/// Each job's result is an `Action`; the main loop, which wakes at least every
/// 100 ms, takes the finished ones and dispatches them like key presses — so
/// the reducer stays the only code that changes state.
final class BackgroundActions: @unchecked Sendable {
    private let lock = NSLock()
    private var done: [Action] = []

    /// Starts `job` on a global queue.
    func run(_ job: @escaping @Sendable () -> Action) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let action = job()
            lock.lock(); done.append(action); lock.unlock()
        }
    }

    /// The actions finished since the last call, oldest first.
    func take() -> [Action] {
        lock.lock(); defer { lock.unlock() }
        let out = done
        done = []
        return out
    }
}
