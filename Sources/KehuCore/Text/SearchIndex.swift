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

    /// Separates the fields of a document so a word never matches across two.
    public static let separator: UInt8 = 0x01

    public init(documents: [String] = []) {
        self.documents = documents.map { Array($0.utf8) }
    }

    public var count: Int { documents.count }

    public mutating func append(_ text: String) { documents.append(Array(text.utf8)) }

    public mutating func replace(_ index: Int, with text: String) { documents[index] = Array(text.utf8) }

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
        matches(words: SearchIndex.words(query), among: candidates)
    }

    /// Documents containing every one of the (already folded) words.
    public func matches(words ws: [[UInt8]], among candidates: [Int32]? = nil) -> [Int32] {
        if ws.isEmpty { return candidates ?? (0..<Int32(documents.count)).map { $0 } }
        var out: [Int32] = []
        func test(_ i: Int) -> Bool {
            documents[i].withUnsafeBufferPointer { doc in
                for w in ws where !SearchIndex.contains(doc, w) { return false }
                return true
            }
        }
        if let candidates {
            for i in candidates where test(Int(i)) { out.append(i) }
        } else {
            for i in documents.indices where test(i) { out.append(Int32(i)) }
        }
        return out
    }

    /// Substring test: `memchr` to the next occurrence of the word's first
    /// byte, then `memcmp` (glibc's `memmem` is not exported to Swift).
    @inline(__always)
    static func contains(_ doc: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        guard let base = doc.baseAddress, doc.count >= word.count else { return false }
        return word.withUnsafeBufferPointer { w in
            let first = Int32(w[0]), wn = w.count
            var p = UnsafeRawPointer(base)
            let end = UnsafeRawPointer(base + doc.count)
            while end - p >= wn {
                guard let hit = memchr(p, first, end - p - wn + 1) else { return false }
                if wn == 1 || memcmp(hit + 1, w.baseAddress! + 1, wn - 1) == 0 { return true }
                p = UnsafeRawPointer(hit) + 1
            }
            return false
        }
    }
}

/// Incremental narrowing for filter-as-you-type: when every word of the
/// previous query is contained in some word of the new one (a key typed, a word
/// added), a document matching the new query matched the old one, so only the
/// previous hits are searched; on backspace the earlier result is taken from the
/// stack. Typing and deleting along one query never rescans everything.
public struct Narrowing: Sendable {
    private var stack: [(words: [[UInt8]], hits: [Int32])] = []

    public init() {}

    /// The hits of `query`, reusing earlier results where the query allows it.
    public mutating func filter(_ query: String, in index: SearchIndex) -> [Int32] {
        let words = SearchIndex.words(query)
        while let top = stack.last, !Narrowing.implies(words, top.words) { stack.removeLast() }
        if let top = stack.last, top.words == words { return top.hits }
        let hits = index.matches(words: words, among: stack.last?.hits)
        stack.append((words, hits))
        return hits
    }

    /// True when text containing all of `new` must contain all of `old`.
    static func implies(_ new: [[UInt8]], _ old: [[UInt8]]) -> Bool {
        old.allSatisfy { o in new.contains { n in n.count >= o.count && (o.isEmpty || n.withUnsafeBufferPointer { SearchIndex.contains($0, o) }) } }
    }

    /// Forgets cached results (the documents changed).
    public mutating func reset() { stack.removeAll() }
}
