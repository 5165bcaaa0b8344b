import KehuCore

/// Reads journal bytes into entries.
///
/// The pipeline: split complete lines (a line without its `\n` is a tail still
/// being written, or torn by a crash) → parse JSON → decode the entry → group
/// batches (`{"batch":N}` + N entries; a batch missing lines at the end of the
/// file is likewise an incomplete tail). Applying the entries is the caller's
/// step, so `kehu check` can report by line.
struct JournalReader {
    /// What one pass over new bytes found.
    struct Chunk {
        /// Each committed unit (a single entry or a whole batch) with the line number of its first entry.
        var units: [(line: Int, entries: [JournalEntry])] = []
        /// Bytes consumed (complete units only).
        var consumed = 0
        /// Lines consumed.
        var lines = 0
        /// An incomplete or unreadable tail at the end of the bytes: its line and reason.
        var tail: (line: Int, reason: String)?
        /// The journal header, when the chunk starts at offset 0.
        var header: [String: Value]?
    }

    /// Parses `bytes` (the journal from some offset to its end). `firstLine` is
    /// the line number of the first byte. A bad line that is followed by more
    /// complete lines is corruption (thrown); a bad last line is a tail.
    ///
    /// With `each`, every complete unit is handed over as soon as it is read
    /// (and `units` stays empty), so a replay of a large journal never holds all
    /// its entries in memory at once.
    static func read(_ bytes: [UInt8], firstLine: Int, atStart: Bool, path: String,
                     each: ((_ line: Int, _ entries: [JournalEntry]) throws -> Void)? = nil) throws -> Chunk {
        var chunk = Chunk()
        func deliver(_ line: Int, _ entries: [JournalEntry]) throws {
            if let each { try each(line, entries) } else { chunk.units.append((line, entries)) }
        }
        var pos = 0
        var line = firstLine
        var pendingBatch: (line: Int, remaining: Int, entries: [JournalEntry], start: Int)?
        var headerPending = atStart
        try bytes.withUnsafeBufferPointer { buf in
            while pos < buf.count {
                guard let nl = buf[pos...].firstIndex(of: 10) else {
                    chunk.tail = (pendingBatch?.line ?? line, "incomplete last line (no newline)")
                    return
                }
                let lineBuf = UnsafeBufferPointer(rebasing: buf[pos..<nl])
                let isLast = nl + 1 >= buf.count
                let parsed: Value
                do {
                    parsed = try JSONText.parse(lineBuf)
                } catch {
                    if isLast { chunk.tail = (pendingBatch?.line ?? line, "\(error)"); return }
                    throw StoreError.corrupt(path: path, line: line, reason: "\(error)")
                }
                if headerPending {
                    headerPending = false
                    guard case .object(let o) = parsed, o["format"]?.stringValue == "kehu-journal" else {
                        throw StoreError.corrupt(path: path, line: line, reason: "first line is not a kehu-journal header")
                    }
                    chunk.header = o
                    pos = nl + 1; line += 1
                    chunk.consumed = pos; chunk.lines = line - firstLine
                    continue
                }
                let decoded: JournalCodec.Line
                do { decoded = try JournalCodec.decode(parsed) } catch {
                    if isLast { chunk.tail = (pendingBatch?.line ?? line, "\(error)"); return }
                    throw StoreError.corrupt(path: path, line: line, reason: "\(error)")
                }
                switch decoded {
                case .batch(let n):
                    if pendingBatch != nil { throw StoreError.corrupt(path: path, line: line, reason: "batch header inside a batch") }
                    pendingBatch = (line, n, [], pos)
                case .entry(let e):
                    if pendingBatch != nil {
                        // Mutated in place: copying the batch out and back made every
                        // append copy the whole array (quadratic in the batch size).
                        pendingBatch!.entries.append(e)
                        pendingBatch!.remaining -= 1
                        if pendingBatch!.remaining == 0 {
                            try deliver(pendingBatch!.line + 1, pendingBatch!.entries)
                            pendingBatch = nil
                            chunk.consumed = nl + 1; chunk.lines = line + 1 - firstLine
                        }
                    } else {
                        try deliver(line, [e])
                        chunk.consumed = nl + 1; chunk.lines = line + 1 - firstLine
                    }
                }
                pos = nl + 1
                line += 1
            }
            if let b = pendingBatch {
                chunk.tail = (b.line, "incomplete batch: \(b.entries.count) of \(b.entries.count + b.remaining) entries")
            }
        }
        return chunk
    }
}
