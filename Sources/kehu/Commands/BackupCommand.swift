import ArgumentParser
import KehuStore

/// `kehu backup DEST`: a consistent copy while others keep writing.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "Copy the store consistently (safe while others write); the copy is verified.",
        discussion: "Cron example (daily at 02:30, as the store's user):\n  30 2 * * * kehu backup --store /var/lib/kehu/store /var/backups/kehu/$(date +\\%F)")

    @Argument(help: "A new folder for the copy.") var dest: String
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let path = try storeOptions.resolvedPath()
        let r = try Backup.make(from: path, to: dest, by: currentLogin())
        print("backed up \(r.entries) journal entries (\(r.bytes) bytes) to \(dest); kehu check passed")
    }
}

/// `kehu restore SRC`: replace the store with a verified backup.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restore", abstract: "Replace the store with a backup, after verifying it (the old journal is kept).")

    @Argument(help: "The backup folder.") var src: String
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let path = try storeOptions.resolvedPath()
        let report = try Backup.restore(from: src, into: path, by: currentLogin())
        print("restored \(report.entries) journal entries into \(path)")
    }
}
