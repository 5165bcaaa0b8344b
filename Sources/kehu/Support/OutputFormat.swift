import ArgumentParser

/// How listings and reports print: an aligned table for people, CSV with a
/// header row or a JSON array of objects for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}
