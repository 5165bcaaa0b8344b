import KehuCore

/// Writes journal lines (`JournalCodec`'s format, each ending in a newline) into
/// a byte buffer, the form they are appended to `journal.jsonl` in.
///
/// Bytes, not String appends, and the commit's timestamp formatted once: all
/// entries of one commit share it. An import commits a million lines at once,
/// where the String-building encoder took ~20 % of the import's time.
public struct JournalLineWriter {
    public var bytes: [UInt8] = []
    private var lastAt: Timestamp?
    private var lastAtText: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// `{"batch":N}`: the next N lines are one atomic unit.
    public mutating func batchHeader(count: Int) {
        put(#"{"batch":"#)
        JSONText.writeInt(count, into: &bytes)
        put("}\n")
    }

    public mutating func append(_ e: JournalEntry) {
        if e.at != lastAt { lastAt = e.at; lastAtText = Array(e.at.description.utf8) }
        put(#"{"seq":"#)
        JSONText.writeInt(e.seq, into: &bytes)
        put(#","at":""#)
        bytes += lastAtText
        put(#"","by":"#)
        JSONText.writeString(e.by, into: &bytes)
        put(#","op":""#)
        bytes += e.change.op.rawValue.utf8
        put(#"","type":"#)
        JSONText.writeString(e.change.entity, into: &bytes)
        if let id = e.change.id { put(#","id":"#); JSONText.writeString(id, into: &bytes) }
        if let base = e.change.base { put(#","base":"#); JSONText.writeInt(base, into: &bytes) }
        if let ev = e.change.event { put(#","event":"#); JSONText.writeString(ev, into: &bytes) }
        if !e.change.fields.isEmpty {
            put(#","set":"#)
            JSONText.writeObject(e.change.fields.sorted { $0.key < $1.key }, into: &bytes)
        }
        put("}\n")
    }

    // MARK: - Typed creates (an import's transactions and interactions)

    /// The line of a transaction's create entry: the same bytes `append` writes for
    /// `Change.create(.transaction, id: t.id, t.journalFields, event:)` (keys sorted),
    /// written from the typed fields without building that map.
    public mutating func append(transaction t: Transaction, seq: Int64, at: Timestamp, by: String, event: String?) {
        head(seq: seq, at: at, by: by, type: "transaction", id: t.id, event: event)
        put(#""amount":""#)
        writeMoney(t.amount.minor)
        put(#"","currency":"#)
        JSONText.writeString(t.amount.currency, into: &bytes)
        put(#","customer":"#)
        JSONText.writeString(t.customerId, into: &bytes)
        put(#","date":""#)
        writeDate(t.date)
        bytes.append(0x22)
        if let n = t.note { put(#","note":"#); JSONText.writeString(n, into: &bytes) }
        if let p = t.product { put(#","product":"#); JSONText.writeString(p, into: &bytes) }
        if let q = t.quantityMilli { put(#","quantity":""#); writeMoney(q / 10); bytes.append(0x22) }
        put("}}\n")
    }

    /// The line of an interaction's create entry (see `append(transaction:…)`).
    public mutating func append(interaction i: Interaction, seq: Int64, at: Timestamp, by: String, event: String?) {
        head(seq: seq, at: at, by: by, type: "interaction", id: i.id, event: event)
        put(#""at":""#)
        writeDate(i.at.utcDate)
        let ms = i.at.millis - Int64(i.at.utcDate.days) * 86_400_000
        bytes.append(UInt8(ascii: "T"))
        let secs = Int(ms / 1000)
        two(secs / 3600); bytes.append(0x3A); two(secs / 60 % 60); bytes.append(0x3A); two(secs % 60)
        bytes.append(0x2E)
        let milli = Int(ms % 1000)
        bytes.append(UInt8(48 + milli / 100)); two(milli % 100)
        put(#"Z""#)
        if let b = i.by { put(#","by":"#); JSONText.writeString(b, into: &bytes) }
        if let c = i.channel { put(#","channel":"#); JSONText.writeString(c, into: &bytes) }
        put(#","customer":"#)
        JSONText.writeString(i.customerId, into: &bytes)
        put(#","kind":""#)
        bytes += i.kind.rawValue.utf8
        bytes.append(0x22)
        if !i.note.isEmpty { put(#","note":"#); JSONText.writeString(i.note, into: &bytes) }
        put("}}\n")
    }

    /// Everything up to and including `"set":{`.
    private mutating func head(seq: Int64, at: Timestamp, by: String, type: String, id: String, event: String?) {
        if at != lastAt { lastAt = at; lastAtText = Array(at.description.utf8) }
        put(#"{"seq":"#)
        JSONText.writeInt(seq, into: &bytes)
        put(#","at":""#)
        bytes += lastAtText
        put(#"","by":"#)
        JSONText.writeString(by, into: &bytes)
        put(#","op":"create","type":""#)
        bytes += type.utf8
        put(#"","id":""#)
        bytes += id.utf8
        bytes.append(0x22)
        if let event { put(#","event":"#); JSONText.writeString(event, into: &bytes) }
        put(#","set":{"#)
    }

    /// `Money.plain` of `minor` (`-1234.50`), as bytes.
    private mutating func writeMoney(_ minor: Int64) {
        if minor < 0 { bytes.append(0x2D) }
        let a = minor.magnitude
        JSONText.writeInt(a / 100, into: &bytes)
        bytes.append(0x2E)
        two(Int(a % 100))
    }

    /// `LocalDate.description` (`2026-01-31`), as bytes.
    private mutating func writeDate(_ d: LocalDate) {
        let c = d.components
        guard c.year >= 0 && c.year <= 9999 else { bytes += d.description.utf8; return }
        two(c.year / 100); two(c.year % 100)
        bytes.append(0x2D); two(c.month); bytes.append(0x2D); two(c.day)
    }

    /// Appends a literal with one copy (`+= "…".utf8` goes through the generic sequence append).
    @inline(__always) private mutating func put(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    @inline(__always) private mutating func two(_ n: Int) {
        bytes.append(UInt8(48 + n / 10 % 10)); bytes.append(UInt8(48 + n % 10))
    }
}
