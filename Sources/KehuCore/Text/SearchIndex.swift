#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A filter-as-you-type index: one folded byte string per document, searched
/// by substring for every word of the query (all words must match).
///
/// Each document's text is built once (`SearchKeys`) from the folded name,
/// contact names, phone digits, emails, tags and the pinyin spellings of the
/// Chinese names, joined with a separator byte that no query contains. A
/// keystroke is then a `memmem` per candidate document and word; `Narrowing`
/// keeps it to the previous hits when the query grows.
public struct SearchIndex: Sendable {
    /// The folded text of each document (UTF-8).
    public private(set) var documents: [[UInt8]]
    /// Which byte classes each document contains (`mask`): a document that lacks
    /// a byte of the query is skipped without looking at its text, which keeps
    /// the first keystroke over 100 000 documents to a few milliseconds.
    public private(set) var masks: [UInt64]
    /// Letter/digit and bigram rows (see `BigramBitmap`).
    private var bigrams = BigramBitmap()

    /// Separates the fields of a document so a word never matches across two.
    public static let separator: UInt8 = 0x01

    public init(documents: [String] = []) {
        self.init(bytes: documents.map { Array($0.utf8) })
    }

    public init(bytes: [[UInt8]]) {
        documents = bytes
        masks = bytes.map(SearchIndex.mask)
        bigrams.ensure(documents: bytes.count)
        for (i, d) in bytes.enumerated() { bigrams.set(i, d) }
    }

    public var count: Int { documents.count }

    public mutating func append(_ doc: [UInt8]) {
        bigrams.set(documents.count, doc)
        documents.append(doc); masks.append(SearchIndex.mask(doc))
    }

    public mutating func replace(_ index: Int, with doc: [UInt8]) {
        bigrams.clear(index); bigrams.set(index, doc)
        documents[index] = doc; masks[index] = SearchIndex.mask(doc)
    }

    /// One bit per byte class: a–z (26), 0–9 (10), and 28 buckets for the
    /// other bytes (so CJK text prunes too).
    @inline(__always)
    public static func mask(_ bytes: [UInt8]) -> UInt64 {
        var m: UInt64 = 0
        for b in bytes { m |= bit(b) }
        return m
    }

    @inline(__always)
    static func bit(_ b: UInt8) -> UInt64 {
        if b >= 0x61 && b <= 0x7A { return 1 << UInt64(b - 0x61) }
        if b >= 0x30 && b <= 0x39 { return 1 << UInt64(26 + b - 0x30) }
        return 1 << UInt64(36 + Int(b) % 28)
    }

    /// A parsed query: every word must occur; in addition, each run of two or
    /// more consecutive Latin-letter words must occur as a phrase, with or
    /// without its spaces. So `zhang wei` finds 张伟 (`zhangwei`) but not a
    /// customer that merely has a 张 and a 伟 somewhere, and `acme trading`
    /// finds "Acme Trading Ltd." but not "Trading House Acme"; CJK and digit
    /// words (`北京 科技`, `张伟 138`) combine freely.
    public struct Query: Equatable, Sendable {
        public var words: [[UInt8]]
        public var runs: [Run]
        public struct Run: Equatable, Sendable { public var joined: [UInt8]; public var spaced: [UInt8] }

        public init(_ text: String) {
            words = SearchIndex.words(text)
            runs = []
            var run: [[UInt8]] = []
            func flush() {
                if run.count >= 2 {
                    runs.append(Run(joined: run.flatMap { $0 }, spaced: Array(run.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ").utf8)))
                }
                run = []
            }
            for w in words {
                if w.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) { run.append(w) } else { flush() }
            }
            flush()
        }

        public var isEmpty: Bool { words.isEmpty }

        /// True when a document matching `self` must match `old` (so narrowing is safe).
        public func implies(_ old: Query) -> Bool {
            func has(_ a: [UInt8], _ b: [UInt8]) -> Bool { b.isEmpty || (a.count >= b.count && a.withUnsafeBufferPointer { SearchIndex.contains($0, b) }) }
            return old.words.allSatisfy { o in words.contains { has($0, o) } }
                && old.runs.allSatisfy { o in runs.contains { has($0.joined, o.joined) && has($0.spaced, o.spaced) } }
        }
    }

    /// The words of a query as the index stores text: folded; phone-like words
    /// (`138-0013`) reduced to their digits. Empty words are dropped.
    public static func words(_ query: String) -> [[UInt8]] {
        SearchText.fold(query).split(separator: " ").map { w in
            let word = String(w)
            if let digits = SearchText.phoneDigits(word), digits != word { return Array(digits.utf8) }
            return Array(word.utf8)
        }.filter { !$0.isEmpty }
    }

    /// Documents (ordinals, ascending) containing every word of the query;
    /// only `candidates` are looked at when given.
    public func matches(_ query: String, among candidates: [Int32]? = nil) -> [Int32] {
        matches(Query(query), among: candidates)
    }

    /// Documents that satisfy a parsed query.
    public func matches(_ q: Query, among candidates: [Int32]? = nil) -> [Int32] {
        if q.isEmpty { return candidates ?? (0..<Int32(documents.count)).map { $0 } }
        var out: [Int32] = []
        var need: UInt64 = 0
        for w in q.words { need |= SearchIndex.mask(w) }
        let bitmap = bigrams.candidates(q.words, count: documents.count)
        // Words the bitmap answers exactly (one or two letters/digits) need no text check.
        let checked = bitmap == nil ? q.words : q.words.filter { !($0.count <= 2 && $0.allSatisfy { BigramBitmap.cls($0) != nil }) }
        // All needles in one pinned buffer: no per-document array bridging in the hot loop.
        var flat: [UInt8] = []
        var needles: [(Int, Int)] = []
        for w in checked { needles.append((flat.count, w.count)); flat += w }
        var runNeedles: [((Int, Int), (Int, Int))] = []
        for r in q.runs {
            let j = (flat.count, r.joined.count); flat += r.joined
            let sp = (flat.count, r.spaced.count); flat += r.spaced
            runNeedles.append((j, sp))
        }
        return flat.withUnsafeBufferPointer { fp -> [Int32] in
            let fbase = fp.baseAddress ?? UnsafePointer(bitPattern: 1)!
            func test(_ i: Int) -> Bool {
                if masks[i] & need != need { return false }
                return documents[i].withUnsafeBufferPointer { doc in
                    guard let d = doc.baseAddress else { return needles.isEmpty && runNeedles.isEmpty }
                    for (off, len) in needles where len > doc.count || kehu_memmem(d, doc.count, fbase + off, len) == nil { return false }
                    for (j, sp) in runNeedles {
                        let hasJ = j.1 <= doc.count && kehu_memmem(d, doc.count, fbase + j.0, j.1) != nil
                        if !hasJ && (sp.1 > doc.count || kehu_memmem(d, doc.count, fbase + sp.0, sp.1) == nil) { return false }
                    }
                    return true
                }
            }
            if let (set, exact) = bitmap {
                // Walk the candidate bits (restricted to the previous hits when narrowing).
                var allowed = set
                if let candidates {
                    var prev = [UInt64](repeating: 0, count: set.count)
                    for i in candidates { prev[Int(i) >> 6] |= 1 << UInt64(i & 63) }
                    for k in allowed.indices { allowed[k] &= prev[k] }
                }
                let verify = !exact || !q.runs.isEmpty
                for (k, var word) in allowed.enumerated() where word != 0 {
                    while word != 0 {
                        let i = k << 6 + word.trailingZeroBitCount
                        word &= word - 1
                        if !verify || test(i) { out.append(Int32(i)) }
                    }
                }
                return out
            }
            if let candidates {
                for i in candidates where test(Int(i)) { out.append(i) }
            } else {
                for i in documents.indices where test(i) { out.append(Int32(i)) }
            }
            return out
        }
    }

    /// Substring test with the C library's `memmem` (glibc's is a tuned
    /// two-way search; a `memchr` + `memcmp` loop was 5× slower on pinyin text,
    /// where the first letter of a word occurs everywhere).
    @inline(__always)
    static func contains(_ doc: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        guard let base = doc.baseAddress, doc.count >= word.count else { return false }
        return word.withUnsafeBufferPointer { w in
            kehu_memmem(base, doc.count, w.baseAddress!, w.count) != nil
        }
    }
}

/// glibc's `memmem` (a GNU extension the Glibc module does not export).
@_silgen_name("memmem")
func kehu_memmem(_ haystack: UnsafeRawPointer, _ haystackLength: Int, _ needle: UnsafeRawPointer, _ needleLength: Int) -> UnsafeMutableRawPointer?

/// Incremental narrowing for filter-as-you-type: when the new query implies
/// the previous one (a key typed, a word added), a document matching the new
/// query matched the old one, so only the previous hits are searched; on
/// backspace the earlier result is taken from the stack. Typing and deleting
/// along one query never rescans everything.
public struct Narrowing: Sendable {
    private var stack: [(query: SearchIndex.Query, hits: [Int32])] = []

    public init() {}

    /// The hits of `query`, reusing earlier results where the query allows it.
    public mutating func filter(_ text: String, in index: SearchIndex) -> [Int32] {
        let query = SearchIndex.Query(text)
        while let top = stack.last, !query.implies(top.query) { stack.removeLast() }
        if let top = stack.last, top.query == query { return top.hits }
        let hits = index.matches(query, among: stack.last?.hits)
        stack.append((query, hits))
        return hits
    }

    /// Forgets cached results (the documents changed).
    public mutating func reset() { stack.removeAll() }
}
