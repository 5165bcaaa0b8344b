#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import KehuCore

/// The one piece of code that talks to ncurses: starts and ends the screen,
/// sets up colours from a theme, copies a `Grid` to the screen and reads keys.
/// Everything it draws comes from the grid, which only holds sanitised text.
final class NcursesTerminal {
    enum ColourMode { case none, eight, full }

    private(set) var colourMode: ColourMode = .none
    private var attrs: [Role: attr_t] = [:]
    private var started = false

    /// Checks the locale before anything is drawn: wide characters only work in UTF-8.
    /// - Throws: a one-line error saying how to fix it.
    static func checkLocale() throws {
        setlocale(LC_ALL, "")
        let codeset = String(cString: kehu_codeset()).uppercased().replacingDash()
        guard codeset == "UTF8" else {
            throw WorkstationError(message: "the terminal's character set is \(String(cString: kehu_codeset())), not UTF-8: Chinese text cannot be shown; set LANG=C.UTF-8 (or zh_CN.UTF-8) and run kehu again")
        }
    }

    func start() {
        TerminalGuard.saveModes()
        setenv("ESCDELAY", "25", 0)
        initscr()
        started = true
        TerminalGuard.install()
        raw()
        noecho()
        nonl()
        keypad(kehu_stdscr(), true)
        set_escdelay(25)
        timeout(100)
        curs_set(0)
    }

    func stop() {
        guard started else { return }
        started = false
        curs_set(1)
        endwin()
        TerminalGuard.uninstall()
    }

    var size: (width: Int, height: Int) { (Int(kehu_cols()), Int(kehu_lines())) }

    /// Sets up colour pairs for a theme; no colour under `NO_COLOR`, on a
    /// terminal without colours, or with the monochrome theme.
    func apply(_ theme: Theme, noColor: Bool) {
        attrs = [:]
        if !noColor && has_colors() && theme.name != "monochrome" {
            if colourMode == .none { start_color(); use_default_colors() }
            colourMode = kehu_colors() >= 256 ? .full : .eight
        } else {
            colourMode = .none
        }
        for (i, role) in Role.allCases.enumerated() {
            let st = theme.style(role)
            var a = kehu_a_normal()
            switch colourMode {
            case .none:
                if st.monoBold { a |= kehu_a_bold() }
                if st.monoReverse { a |= kehu_a_reverse() }
                if st.monoUnderline { a |= kehu_a_underline() }
            case .eight, .full:
                let fg = colourMode == .full && st.fg256 >= 0 ? st.fg256 : st.fg8
                let bg = colourMode == .full && st.bg256 >= 0 ? st.bg256 : st.bg8
                let pair = Int32(i + 1)
                if pair < kehu_color_pairs() {
                    init_pair(Int16(pair), Int16(fg), Int16(bg))
                    a |= kehu_color_pair(pair)
                }
                if st.bold { a |= kehu_a_bold() }
                if st.reverse { a |= kehu_a_reverse() }
                if st.underline { a |= kehu_a_underline() }
                if st.dim { a |= kehu_a_dim() }
            }
            attrs[role] = a
        }
    }

    /// Copies a frame to the screen. Runs of cells with the same role are
    /// written with one `mvaddstr`; ncurses sends only what changed.
    func draw(_ frame: Screen.Frame, full: Bool) {
        let g = frame.grid
        if full { clearok(kehu_stdscr(), true) }
        for y in 0..<g.height {
            var x = 0
            while x < g.width {
                let role = g[x, y].role
                var run = ""
                let startX = x
                while x < g.width, g[x, y].role == role {
                    let c = g[x, y]
                    // The bottom-right cell is never written: it would scroll some terminals.
                    if !(y == g.height - 1 && x == g.width - 1) && !c.isContinuation { run += c.text }
                    x += 1
                }
                attrset(Int32(bitPattern: attrs[role] ?? kehu_a_normal()))
                _ = mvaddstr(Int32(y), Int32(startX), run)
            }
        }
        attrset(Int32(bitPattern: kehu_a_normal()))
        if let c = frame.cursor {
            curs_set(1)
            move(Int32(c.y), Int32(c.x))
        } else {
            curs_set(0)
        }
        refresh()
    }

    enum Input { case key(Key), resize, none, hangup }

    /// Consecutive reads that failed at once instead of waiting for the timeout.
    private var quickFailures = 0

    /// Waits up to the timeout (100 ms) for a key. A terminal that has gone
    /// away (the SSH connection dropped without a SIGHUP reaching us) makes
    /// every read fail at once; that is reported as `.hangup` rather than
    /// spinning.
    func read() -> Input {
        var ch: wint_t = 0
        var before = timespec(), after = timespec()
        clock_gettime(CLOCK_MONOTONIC, &before)
        let r = get_wch(&ch)
        if r == ERR {
            clock_gettime(CLOCK_MONOTONIC, &after)
            let ms = (after.tv_sec - before.tv_sec) * 1000 + (after.tv_nsec - before.tv_nsec) / 1_000_000
            quickFailures = ms < 20 ? quickFailures + 1 : 0
            return quickFailures >= 50 ? .hangup : .none
        }
        quickFailures = 0
        if r == KEY_CODE_YES {
            switch Int32(ch) {
            case KEY_RESIZE: return .resize
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_ENTER: return .key(.enter)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_DC: return .key(.delete)
            case KEY_BTAB: return .key(.backTab)
            default:
                for n in 1...12 where Int32(ch) == kehu_key_f(Int32(n)) { return .key(.function(n)) }
                return .none
            }
        }
        switch ch {
        case 13, 10: return .key(.enter)
        case 9: return .key(.tab)
        case 27: return .key(.escape)
        case 127, 8: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(UInt8(ch) + 96))))
        default:
            guard let s = Unicode.Scalar(UInt32(ch)), ch >= 32 else { return .none }
            return .key(.char(Character(s)))
        }
    }
}

/// A one-line error the workstation reports before or instead of starting.
public struct WorkstationError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension String {
    func replacingDash() -> String { String(filter { $0 != "-" && $0 != "_" }) }
}
