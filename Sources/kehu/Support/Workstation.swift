import Foundation
import KehuCore
import KehuStore
import KehuTUI

/// Opens the interactive workstation (KehuTUI) on a store, with the language,
/// theme and time zone from the flags, then the user's config, then the environment.
func openWorkstation(_ store: any Store, lang: String?, theme: String?) throws {
    let config = try UserConfig.load()
    let env = ProcessInfo.processInfo.environment
    var options = WorkstationOptions()
    options.lang = try WorkstationOptions.language(flag: lang, config: config.lang, environment: env)
    options.theme = theme ?? config.theme
    if let tz = config.timezone {
        guard let zone = TimeZone(identifier: tz) else { throw FieldInput.Problem(description: "\(UserConfig.path): timezone: '\(tz)' is not a time zone (e.g. Asia/Shanghai)") }
        options.timeZone = zone
    }
    options.dashboard = AnalyticsDashboard().source
    options.followUps = ReminderFollowUps.source(pool: try store.config.poolRules())
    options.themeFolder = ((UserConfig.path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("themes")
    try runWorkstation(store: store, options: options)
}
