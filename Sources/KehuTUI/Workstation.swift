import Foundation
import KehuCore
import KehuStore

/// Opens the workstation on a store and runs it until the user quits or a
/// signal (SIGINT, SIGTERM, SIGHUP) asks it to stop; the terminal is restored
/// on every path.
///
/// The loop: read a key (100 ms timeout) → reducer → effects → draw. Every
/// `pollMillis` the store is re-read, so another user's change appears within
/// a second, with the cursor and any open form kept.
public func runWorkstation(store: any Store, options: WorkstationOptions) throws {
    try NcursesTerminal.checkLocale()
    if let problem = CommandTable.standard.problems.first {
        throw WorkstationError(message: "key bindings: \(problem)")
    }
    let env = ProcessInfo.processInfo.environment
    let noColor = options.noColor || !(env["NO_COLOR"] ?? "").isEmpty
    let themeName = options.theme ?? "default"
    var theme = try WorkstationOptions.loadTheme(themeName, folder: options.themeFolder)
    let zone = options.timeZone ?? store.config.timeZoneName.flatMap(TimeZone.init(identifier:)) ?? TimeZone.current
    var themes = BuiltinThemes.names
    if !themes.contains(themeName) { themes.append(themeName) }

    let term = NcursesTerminal()
    term.start()
    defer {
        term.stop()
        // Stopped by a signal: the terminal is back, now die of it as the sender expects.
        if TerminalGuard.stopRequested != 0 { signal(TerminalGuard.stopSignal, SIG_DFL); raise(TerminalGuard.stopSignal) }
    }
    term.apply(theme, noColor: noColor)

    let size = term.size
    let storeName = (store as? FileStore).map { ($0.path as NSString).lastPathComponent } ?? ""
    var state = AppState(snapshot: store.snapshot, user: store.user, storeName: storeName, lang: options.lang ?? (try? WorkstationOptions.language(flag: nil, config: nil, environment: env)) ?? .en,
                         theme: themeName, themes: themes, clock: .system(timeZone: zone),
                         width: size.width, height: size.height,
                         followUpSource: options.followUps ?? { FollowUps.simple($0, clock: $1) },
                         dashboardSource: options.dashboard ?? { DashboardModel.basic($0, lang: $1, clock: $2, followUps: $3) })
    var full = true
    var dirty = true
    var lastPoll = Date()
    let background = BackgroundActions()

    func dispatch(_ action: Action) -> Bool {
        let effects = Reducer.reduce(&state, action)
        dirty = true
        for e in effects {
            switch e {
            case .quit: return false
            case .fullRedraw: full = true
            case .applyTheme(let name):
                if let t = try? WorkstationOptions.loadTheme(name, folder: options.themeFolder) { theme = t; term.apply(theme, noColor: noColor); full = true }
            case .findDuplicates(let generation):
                // Dedup of 100 000 customers takes seconds: off the UI thread, on the snapshot of now.
                let snapshot = store.snapshot
                background.run { .duplicatesFound(DuplicateScan.run(snapshot, generation: generation)) }
            case .refresh:
                _ = try? store.refresh()
                if !dispatch(.storeChanged(store.snapshot, changed: nil)) { return false }
            case .commit(let changes):
                do {
                    let entries = try store.commit(changes)
                    let ids = entries.compactMap { $0.change.id }
                    if !dispatch(.committed(store.snapshot, ids: ids)) { return false }
                } catch let err as StoreError {
                    _ = try? store.refresh()
                    let first = err.description.split(separator: "\n").first.map(String.init) ?? err.description
                    if !dispatch(.commitFailed(store.snapshot, message: first, conflict: err.isConflict)) { return false }
                } catch {
                    if !dispatch(.commitFailed(store.snapshot, message: "\(error)", conflict: false)) { return false }
                }
            }
        }
        return true
    }

    /// Re-reads the store when the poll interval has passed.
    func poll() {
        let now = Date()
        guard now.timeIntervalSince(lastPoll) * 1000 >= Double(options.pollMillis) else { return }
        lastPoll = now
        let old = store.snapshot
        guard (try? store.refresh()) == true else { return }
        _ = dispatch(.storeChanged(store.snapshot, changed: SnapshotDiff.changedCustomers(old, store.snapshot)))
    }

    while TerminalGuard.stopRequested == 0 {
        if dirty {
            term.draw(Screen.render(state), full: full)
            full = false; dirty = false
        }
        switch term.read() {
        case .key(let k):
            if !dispatch(.key(k)) { return }
        case .resize:
            let s = term.size
            if !dispatch(.resize(width: s.width, height: s.height)) { return }
        case .none:
            break
        case .hangup:
            return
        }
        for action in background.take() { if !dispatch(action) { return } }
        poll()
        let now = Timestamp(seconds: Date().timeIntervalSince1970)
        if now.millis / 60_000 != state.clock.now.millis / 60_000 { _ = dispatch(.tick(now)) }
    }
}
