import ArgumentParser

/// `kehu [open]`: the workstation.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the workstation (the default).")

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "UI language: zh or en (default: config, then LC_ALL/LANG).") var lang: String?
    @Option(help: "Colour theme: default, light, high-contrast, monochrome.") var theme: String?

    func run() throws {
        let store = try storeOptions.open()
        try openWorkstation(store, lang: lang, theme: theme)
    }
}
