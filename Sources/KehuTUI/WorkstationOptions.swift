import Foundation
import KehuCore

/// How the workstation starts: language, theme, time zone, and the feature
/// hooks (reminders, analytics) that replace the simple built-in views.
public struct WorkstationOptions: Sendable {
    /// `--lang`; nil: the user's config, then LC_ALL / LC_MESSAGES / LANG (zh_* → Chinese).
    public var lang: Language?
    /// `--theme` or config; nil: "default".
    public var theme: String?
    /// The store's calendar zone; nil: the store's `[store] timezone`, then the system zone.
    public var timeZone: TimeZone?
    /// Forces no colour (also when `NO_COLOR` is set).
    public var noColor: Bool
    /// Where user themes live (`~/.config/kehu/themes`).
    public var themeFolder: String?
    /// Next follow-up dates; nil: `FollowUps.simple`.
    public var followUps: (@Sendable (Snapshot, Clock) -> FollowUps)?
    /// Dashboard sections; nil: `DashboardModel.basic`.
    public var dashboard: (@Sendable (Snapshot, Language, Clock, FollowUps) -> DashboardModel)?
    /// How often the store is re-read for other users' changes.
    public var pollMillis: Int

    public init(lang: Language? = nil, theme: String? = nil, timeZone: TimeZone? = nil, noColor: Bool = false,
                themeFolder: String? = nil, pollMillis: Int = 300) {
        self.lang = lang; self.theme = theme; self.timeZone = timeZone; self.noColor = noColor
        self.themeFolder = themeFolder; self.pollMillis = pollMillis
    }

    /// The UI language: the flag, else the config, else the locale variables
    /// in POSIX order (LC_ALL, LC_MESSAGES, LANG); `zh…` means Chinese, anything else English.
    public static func language(flag: String?, config: String?, environment: [String: String]) throws -> Language {
        for (source, v) in [("--lang", flag), ("config lang", config)] {
            guard let v, !v.isEmpty else { continue }
            guard let l = Language(rawValue: v.lowercased()) else {
                throw WorkstationError(message: "\(source): '\(v)' is not a UI language (zh, en)")
            }
            return l
        }
        for k in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = environment[k], !v.isEmpty { return v.lowercased().hasPrefix("zh") ? .zh : .en }
        }
        return .en
    }

    /// Loads a theme by name: a user file first, then the built-in one.
    public static func loadTheme(_ name: String, folder: String?) throws -> Theme {
        if let folder {
            let path = (folder as NSString).appendingPathComponent(name + ".toml")
            if let data = FileManager.default.contents(atPath: path) {
                return try Theme.parse(String(decoding: data, as: UTF8.self), name: name, path: path)
            }
        }
        if let t = Theme.builtin(name) { return t }
        throw WorkstationError(message: "--theme: no theme '\(name)' (built in: \(BuiltinThemes.names.joined(separator: ", "))\(folder.map { "; or put \(name).toml in \($0)" } ?? ""))")
    }
}
