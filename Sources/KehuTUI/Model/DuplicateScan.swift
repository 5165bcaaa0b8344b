import KehuCore

/// The result of one dedup run for the review pane: `kehu dedup`'s pipeline
/// (`Deduplicator` with its default fields and threshold) over a snapshot.
///
/// The runtime calls `run` off the UI thread when the reducer asks for
/// `Effect.findDuplicates` (100 000 customers take seconds) and hands the
/// result back as `Action.duplicatesFound`.
public struct DuplicateScan: Sendable, Equatable {
    /// Which request this answers (`DuplicatesState.generation`).
    public var generation: Int
    public var pairs: [DedupPair]
    public var records: Int
    public var compared: Int

    public init(generation: Int, pairs: [DedupPair], records: Int, compared: Int) {
        self.generation = generation; self.pairs = pairs; self.records = records; self.compared = compared
    }

    public static func run(_ snapshot: Snapshot, generation: Int, deduplicator: Deduplicator = Deduplicator()) -> DuplicateScan {
        let r = deduplicator.run(snapshot)
        return DuplicateScan(generation: generation, pairs: r.pairs, records: r.records, compared: r.candidates)
    }
}
