import Foundation
import KehuCore
import TOMLKit

/// The store's settings: `config.toml` in the store folder, edited by an admin.
///
/// Kept generic (section → key → value) so that each feature reads its own
/// section (`[pool]`, `[roles]`, `[reminders]`, …) in its own file without this
/// type knowing them all.
public struct StoreConfig: Sendable, Equatable {
    public var sections: [String: [String: Value]]

    public init(sections: [String: [String: Value]] = [:]) { self.sections = sections }

    public subscript(section: String) -> [String: Value] { sections[section] ?? [:] }

    /// The store's time zone for calendar dates (reminders, "today"); `[store] timezone`.
    public var timeZoneName: String? { self["store"]["timezone"]?.stringValue }

    /// Parses TOML text. Errors name the file and line.
    public static func parse(_ text: String, path: String) throws -> StoreConfig {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw StoreError.corrupt(path: path, line: Int(e.source.begin.line), reason: e.description)
        }
        var out: [String: [String: Value]] = [:]
        for (key, v) in table {
            if let sub = v.table {
                var sec: [String: Value] = [:]
                for (k, vv) in sub { sec[k] = convert(vv) }
                out[key] = sec
            } else {
                out["", default: [:]][key] = convert(v)
            }
        }
        return StoreConfig(sections: out)
    }

    static func convert(_ v: TOMLValueConvertible) -> Value {
        if let s = v.string { return .string(s) }
        if let i = v.int { return .int(Int64(i)) }
        if let b = v.bool { return .bool(b) }
        if let d = v.double { return .string(String(d)) }
        if let a = v.array { return .array(a.map { convert($0) }) }
        if let t = v.table {
            var o: [String: Value] = [:]
            for (k, vv) in t { o[k] = convert(vv) }
            return .object(o)
        }
        return .null
    }

    /// The file a new store starts with: every setting, commented.
    public static let template = """
    # Kehu store settings. Edit by hand; every process re-reads this file on open.

    [store]
    # Time zone of calendar dates (reminders, "today", "overdue"). Default: the user's TZ.
    # timezone = "Asia/Shanghai"
    currency = "CNY"

    """
}
