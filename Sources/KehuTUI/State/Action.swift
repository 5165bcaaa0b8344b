import KehuCore

/// What can happen to the workstation. The runtime turns terminal input,
/// timers and store results into actions; only the reducer changes state.
public enum Action: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// A clock tick (the poll timeout): updates "now" and "today".
    case tick(Timestamp)
    /// The store has changed (another user's commit); `changed` are the affected customer ids when known.
    case storeChanged(Snapshot, changed: Set<String>?)
    /// A commit this workstation asked for went through.
    case committed(Snapshot, ids: [String])
    /// A commit was refused or failed; `conflict` when it was a version conflict.
    case commitFailed(Snapshot, message: String, conflict: Bool)
    /// A background dedup run (`Effect.findDuplicates`) finished.
    case duplicatesFound(DuplicateScan)
}

/// What the reducer asks the runtime to do (htop's "what must be redone", as data).
public enum Effect: Sendable, Equatable {
    /// Write these changes in one atomic commit.
    case commit([Change])
    /// Re-read the store now.
    case refresh
    /// Forget the terminal's picture and draw everything again.
    case fullRedraw
    /// Colours must be set up again (theme changed).
    case applyTheme(String)
    /// Run dedup over the current snapshot off the UI thread, then send `Action.duplicatesFound`.
    case findDuplicates(generation: Int)
    case quit
}
