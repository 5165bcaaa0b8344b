import KehuCore

/// The duplicates review pane: the queue from the last dedup run, the pair on
/// screen and the user's choices for it.
///
/// Only the pairs are kept (`DedupPair`, a few ids and numbers); the side-by-side
/// view (`DedupReview`) is rebuilt from the current snapshot whenever it is
/// shown, so another user's edit of either customer appears at once, and a pair
/// whose customer was merged away or marked "not a duplicate" drops out of the
/// queue on the next snapshot (`prune`).
public struct DuplicatesState: Sendable {
    public enum Phase: Sendable, Equatable {
        /// Dedup has not run yet in this session.
        case idle
        /// Dedup is running in the background (`Effect.findDuplicates`).
        case finding
        /// `pairs` holds the result.
        case ready
    }

    /// What the user chose for one pair: the survivor and explicit per-field picks.
    public struct Choice: Sendable, Equatable {
        public var survivor: String
        /// Field key → the id of the customer whose value to keep (only fields the user picked).
        public var picks: [String: String] = [:]
    }

    /// A write this pane asked for, so the commit's outcome can be reported in its own words.
    public enum Pending: Sendable, Equatable {
        case merge(survivor: String, absorbed: String, mergeId: String, pair: DedupPair)
        case distinct(String, String)
        case unmerge(mergeId: String, restored: String, pair: DedupPair?)
    }

    public var phase: Phase = .idle
    /// Tags a background run, so a result that arrives after a newer request is ignored.
    public var generation = 0
    /// Pairs still to decide, best first.
    public var pairs: [DedupPair] = []
    /// Customers and compared pairs of the last run (for the summary line).
    public var records = 0
    public var compared = 0
    /// The pair on screen (index into `pairs`).
    public var index = 0
    /// The field row under the cursor, and the first row shown.
    public var row = 0
    public var scroll = 0
    /// Choices by pair key (`DedupDecision.key`), kept while moving through the queue.
    public var choices: [String: Choice] = [:]
    public var pending: Pending? = nil
    /// The last merge made here, and the pair it came from (`u` undoes it).
    public var lastMerge: (id: String, absorbed: String, pair: DedupPair)? = nil

    public init() {}

    public var current: DedupPair? { pairs.indices.contains(index) ? pairs[index] : nil }

    /// Drops pairs whose customers are gone or that were marked distinct; keeps the cursor on the same pair when it can.
    public mutating func prune(_ snapshot: Snapshot) {
        guard phase == .ready else { return }
        let keep = current
        let distinct = DedupDecision.distinctPairs(snapshot)
        pairs.removeAll { p in
            snapshot.customers[p.id1] == nil || snapshot.customers[p.id2] == nil || distinct.contains(DedupDecision.key(p.id1, p.id2))
        }
        if let keep, let i = pairs.firstIndex(of: keep) { index = i }
        index = max(0, min(index, pairs.count - 1))
    }
}

extension DedupPair {
    /// The order-independent key choices are stored under.
    var key: String { DedupDecision.key(id1, id2) }
}
