import Foundation

/// Finds likely duplicate customers: prepare → block → compare → train
/// Fellegi–Sunter by EM → score → keep pairs at or above the threshold that
/// nobody has marked "not a duplicate". See docs/dedup.md.
public struct Deduplicator: Sendable {
    public var fields: [DedupField]
    /// The lowest match probability reported (0…1).
    public var threshold: Double
    public var blocking: Blocking
    /// How many random pairs seed the non-match (u) probabilities.
    public var randomPairs: Int

    public init(fields: [DedupField] = DedupField.defaults, threshold: Double = 0.9,
                blocking: Blocking = Blocking(), randomPairs: Int = 50_000) {
        self.fields = fields; self.threshold = threshold; self.blocking = blocking; self.randomPairs = randomPairs
    }

    /// One customer with its contacts, as dedup sees it.
    public struct Input: Sendable {
        public var customer: Customer
        public var contacts: [Contact]
        public init(customer: Customer, contacts: [Contact]) { self.customer = customer; self.contacts = contacts }
    }

    /// Runs over every customer of a snapshot, skipping pairs marked distinct.
    public func run(_ snapshot: Snapshot) -> DedupResult {
        let inputs = snapshot.customerList.map { Input(customer: $0, contacts: snapshot.contacts(of: $0.id)) }
        return run(inputs, distinct: DedupDecision.distinctPairs(snapshot))
    }

    public func run(_ inputs: [Input], distinct: Set<String> = []) -> DedupResult {
        let fields = self.fields
        let records = Parallel.map(inputs.count) { DedupRecord(customer: inputs[$0].customer, contacts: inputs[$0].contacts, fields: fields) }
        let candidates = blocking.pairs(records.map(\.blockingKeys))
        let nf = fields.count
        // Each pair's comparison vector as one number (base 5, level + 1 per field), compared in parallel chunks.
        let chunk = 4096
        let codes = Parallel.map((candidates.count + chunk - 1) / chunk) { c -> [Int] in
            let range = (c * chunk)..<min(candidates.count, (c + 1) * chunk)
            return range.map { k in
                let a = records[Int(candidates[k].0)], b = records[Int(candidates[k].1)]
                var code = 0
                for f in 0..<nf { code = code * 5 + fields[f].level(a.values[f], b.values[f]) + 1 }
                return code
            }
        }.flatMap { $0 }
        var counts: [Int: Int] = [:]
        for c in codes { counts[c, default: 0] += 1 }
        let patterns = counts.map { FellegiSunter.Pattern(levels: Deduplicator.decode($0.key, width: nf), count: $0.value) }
            .sorted { $0.levels.lexicographicallyPrecedes($1.levels) }
        let model = FellegiSunter.train(fields: fields.map(\.key), levels: fields.map(\.comparator.levels),
                                        patterns: patterns, random: randomSample(records))
        var probability: [Int: Double] = [:]
        for code in counts.keys { probability[code] = model.probability(Deduplicator.decode(code, width: nf)) }
        var pairs: [DedupPair] = []
        for (k, (i, j)) in candidates.enumerated() where probability[codes[k]]! >= threshold {
            let a = records[Int(i)], b = records[Int(j)]
            if distinct.contains(DedupDecision.key(a.id, b.id)) { continue }
            let v = Deduplicator.decode(codes[k], width: nf)
            var agreeing: [String] = [], partial: [String] = []
            for f in 0..<nf where v[f] > 0 {
                if Int(v[f]) == fields[f].comparator.levels - 1 { agreeing.append(fields[f].key) } else { partial.append(fields[f].key) }
            }
            pairs.append(DedupPair(id1: a.id, id2: b.id, label1: a.label, label2: b.label, score: probability[codes[k]]!,
                                   weight: model.matchWeight(v), agreeing: agreeing, similar: partial))
        }
        pairs.sort { $0.score != $1.score ? $0.score > $1.score : ($0.id1, $0.id2) < ($1.id1, $1.id2) }
        return DedupResult(pairs: pairs, model: model, records: inputs.count, candidates: candidates.count)
    }

    static func decode(_ code: Int, width: Int) -> [Int8] {
        var out = [Int8](repeating: -1, count: width)
        var c = code
        for f in stride(from: width - 1, through: 0, by: -1) { out[f] = Int8(c % 5) - 1; c /= 5 }
        return out
    }

    /// Comparison vectors of random pairs (a fixed seed, so runs are repeatable).
    func randomSample(_ records: [DedupRecord]) -> [FellegiSunter.Pattern] {
        let n = records.count
        guard n >= 2 else { return [] }
        var rng = SplitMix64(seed: 0x6B65_6875)
        var levels: [Int8] = []
        let count = min(randomPairs, n * (n - 1) / 2)
        levels.reserveCapacity(count * fields.count)
        for _ in 0..<count {
            let i = Int(rng.next() % UInt64(n))
            var j = Int(rng.next() % UInt64(n - 1))
            if j >= i { j += 1 }
            for f in fields.indices { levels.append(Int8(fields[f].level(records[i].values[f], records[j].values[f]))) }
        }
        return Deduplicator.group(levels, width: fields.count)
    }

    static func group(_ levels: [Int8], width: Int) -> [FellegiSunter.Pattern] {
        guard width > 0 else { return [] }
        var counts: [[Int8]: Int] = [:]
        var k = 0
        while k < levels.count { counts[Array(levels[k..<(k + width)]), default: 0] += 1; k += width }
        return counts.map { FellegiSunter.Pattern(levels: $0.key, count: $0.value) }
            .sorted { $0.levels.lexicographicallyPrecedes($1.levels) }
    }
}

/// A likely duplicate pair.
public struct DedupPair: Hashable, Sendable {
    public var id1: String
    public var id2: String
    /// External ids where present (what `kehu dedup` prints).
    public var label1: String
    public var label2: String
    /// Probability of being the same customer (0…1).
    public var score: Double
    /// The Fellegi–Sunter match weight (log2 Bayes factor).
    public var weight: Double
    /// Fields that agree exactly (after normalisation).
    public var agreeing: [String]
    /// Fields that are similar but not equal.
    public var similar: [String]
}

public struct DedupResult: Sendable {
    public var pairs: [DedupPair]
    public var model: FellegiSunter
    public var records: Int
    /// Pairs compared after blocking (against records·(records−1)/2 without it).
    public var candidates: Int
}

/// A small, fast, seedable random generator (Vigna's SplitMix64), so that the
/// dedup sample and the test generator give the same result on every run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
