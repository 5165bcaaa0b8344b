import Foundation

/// A one-line progress bar on stderr, drawn only when stderr is a terminal
/// (never into a log file or a pipe) and only for work big enough to wait for.
final class ProgressBar {
    let label: String
    let enabled: Bool
    private var lastPercent = -1

    init(_ label: String, total: Int, minimum: Int = 20_000) {
        self.label = label
        enabled = total >= minimum && isatty(STDERR_FILENO) == 1
    }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let percent = done * 100 / total
        guard percent != lastPercent else { return }
        lastPercent = percent
        let width = 30, filled = percent * width / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(percent)%".utf8))
        // What follows the last row (checking and writing the batch, the snapshot) can take
        // seconds on a large file: say so instead of leaving a full bar that seems stuck.
        if done >= total { FileHandle.standardError.write(Data("\r\(label): \(total) rows checked, writing…\u{1B}[K".utf8)) }
    }

    /// A status line before the bar starts (reading a large file).
    func status(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\(text)\u{1B}[K".utf8))
        lastPercent = max(lastPercent, 0)
    }

    func finish() {
        guard enabled, lastPercent >= 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        lastPercent = -1
    }
}
