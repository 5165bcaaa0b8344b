import Foundation
import KehuCore
import KehuStore

/// The user's own settings: `~/.config/kehu/config.toml` (or `$XDG_CONFIG_HOME/kehu/config.toml`):
/// `store = "DIR"`, `lang = "zh"|"en"`, `theme = "NAME"`, `timezone = "Asia/Shanghai"`.
struct UserConfig {
    var values: [String: Value] = [:]

    static var path: String {
        let base = ProcessInfo.processInfo.environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".config")
        return (base as NSString).appendingPathComponent("kehu/config.toml")
    }

    static func load() throws -> UserConfig {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return UserConfig()
        }
        let parsed = try StoreConfig.parse(text, path: path)
        return UserConfig(values: parsed[""])
    }

    var store: String? { values["store"]?.stringValue.map { ($0 as NSString).expandingTildeInPath } }
    var server: String? { values["server"]?.stringValue }
    var lang: String? { values["lang"]?.stringValue }
    var theme: String? { values["theme"]?.stringValue }
    var timezone: String? { values["timezone"]?.stringValue }
}
