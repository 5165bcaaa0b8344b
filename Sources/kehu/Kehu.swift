import ArgumentParser

/// `kehu`: the terminal CRM workstation and its scripting commands.
@main
struct Kehu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kehu",
        abstract: "客户 Kehu: a terminal CRM workstation (unified customer view, follow-ups, segments).",
        discussion: "Without a subcommand, opens the workstation on the store (--store, $KEHU_STORE, or ~/.config/kehu/config.toml).",
        subcommands: [
            OpenCommand.self,
            InitCommand.self,
            DemoCommand.self,
            AddCommand.self,
            EditCommand.self,
            DeleteCommand.self,
            ShowCommand.self,
            ListCommand.self,
            CheckCommand.self,
            DictionaryCommand.self,
            ReportCommand.self,
            StressWriteCommand.self,
            ImportCommand.self,
            ExportCommand.self,
            DedupCommand.self,
            MergeCommand.self,
            UnmergeCommand.self,
            NotDuplicateCommand.self,
            ServeCommand.self,
            RevealCommand.self,
            AuditCommand.self,
            BackupCommand.self,
            RestoreCommand.self,
            PrivacyCommand.self,
            RemindersCommand.self,
            RemindCommand.self,
            SnoozeCommand.self,
            DismissCommand.self,
            DoneCommand.self,
            PoolCommand.self,
            ClaimCommand.self,
            ReleaseCommand.self,
            AssignCommand.self,
            BenchWorkstationCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )
}
