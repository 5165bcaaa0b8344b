/// Candidate pairs for dedup: only records that share a blocking key are
/// compared, so the cost grows with the sizes of the blocks, not with n².
///
/// Keys (each record has several; a pair is a candidate when any key is shared):
/// - `t:` each phone number's digits (any format, `+86` dropped);
/// - `e:` each email address;
/// - `n:` the company name without its legal form;
/// - `g:` each name token — a Latin word, or two adjacent Han characters — so a
///   mistyped character or a reordered name still shares most tokens;
/// - `z:` postcode plus the first character of the name;
/// - `y:` the pinyin of a Chinese name (homophones typed by a pinyin input method).
///
/// Contact names are compared but not blocked on: 王伟 or 张敏 are shared by
/// thousands of unrelated people, so such a block brings mostly non-matches.
/// A key shared by more than `maxBlock` records (电子, 科技, a group's switchboard
/// number) says little about any one pair and would cost its size squared, so
/// it is skipped, as the usual blocking rules in Splink or recordlinkage do.
public struct Blocking: Sendable {
    public var maxBlock: Int

    public init(maxBlock: Int = 40) { self.maxBlock = maxBlock }

    /// The blocking keys of a record's normal forms.
    public static func keys(_ b: DedupRecord.Basis) -> [String] {
        var keys: [String] = []
        for d in b.phones { keys.append("t:" + d) }
        for e in b.emails { keys.append("e:" + e) }
        if !b.core.isEmpty {
            keys.append("n:" + b.core)
            for t in DedupText.tokens(b.core) { keys.append("g:" + t) }
            if let pc = b.postcode, let first = b.core.first { keys.append("z:" + pc + String(first)) }
            // Same sound (a homophone typed by a pinyin input method: 华强 / 化强).
            if b.core.unicodeScalars.contains(where: DedupText.isHan) { keys.append("y:" + Pinyin.full(b.core)) }
        }
        return keys
    }

    /// 64-bit FNV-1a: blocks are grouped by hash (a collision only adds a candidate pair).
    @inline(__always) public static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }

    /// Pairs `(i, j)` with `i < j` of records that share a key, each once, in order.
    /// - Parameter keys: `keys[i]` are record i's blocking key hashes.
    public func pairs(_ keys: [[UInt64]]) -> [(Int32, Int32)] {
        var entries: [(UInt64, Int32)] = []
        entries.reserveCapacity(keys.reduce(0) { $0 + $1.count })
        for (i, ks) in keys.enumerated() { for k in ks { entries.append((k, Int32(i))) } }
        entries.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var codes: [UInt64] = []
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count && entries[end].0 == entries[start].0 { end += 1 }
            let size = end - start
            if size > 1 && size <= maxBlock {
                for a in start..<end {
                    for b in (a + 1)..<end where entries[a].1 != entries[b].1 {
                        codes.append(UInt64(UInt32(entries[a].1)) << 32 | UInt64(UInt32(entries[b].1)))
                    }
                }
            }
            start = end
        }
        codes.sort()
        var out: [(Int32, Int32)] = []
        out.reserveCapacity(codes.count)
        var last: UInt64 = .max
        for c in codes where c != last { out.append((Int32(c >> 32), Int32(truncatingIfNeeded: c))); last = c }
        return out
    }
}
