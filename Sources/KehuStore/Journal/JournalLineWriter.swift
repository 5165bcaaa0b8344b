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
        bytes += #"{"batch":"#.utf8
        JSONText.writeInt(count, into: &bytes)
        bytes += "}\n".utf8
    }

    public mutating func append(_ e: JournalEntry) {
        if e.at != lastAt { lastAt = e.at; lastAtText = Array(e.at.description.utf8) }
        bytes += #"{"seq":"#.utf8
        JSONText.writeInt(e.seq, into: &bytes)
        bytes += #","at":""#.utf8
        bytes += lastAtText
        bytes += #"","by":"#.utf8
        JSONText.writeString(e.by, into: &bytes)
        bytes += #","op":""#.utf8
        bytes += e.change.op.rawValue.utf8
        bytes += #"","type":"#.utf8
        JSONText.writeString(e.change.entity, into: &bytes)
        if let id = e.change.id { bytes += #","id":"#.utf8; JSONText.writeString(id, into: &bytes) }
        if let base = e.change.base { bytes += #","base":"#.utf8; JSONText.writeInt(base, into: &bytes) }
        if let ev = e.change.event { bytes += #","event":"#.utf8; JSONText.writeString(ev, into: &bytes) }
        if !e.change.fields.isEmpty {
            bytes += #","set":"#.utf8
            JSONText.writeObject(e.change.fields.sorted { $0.key < $1.key }, into: &bytes)
        }
        bytes += "}\n".utf8
    }

    // MARK: - Typed creates (an import's transactions and interactions)

    /// The line of a transaction's create entry: the same bytes `append` writes for
    /// `Change.create(.transaction, id: t.id, t.journalFields, event:)` (keys sorted),
    /// written from the typed fields without building that map.
    public mutating func append(transaction t: Transaction, seq: Int64, at: Timestamp, by: String, event: String?) {
        head(seq: seq, at: at, by: by, type: "transaction", id: t.id, event: event)
        bytes += #""amount":""#.utf8
        writeMoney(t.amount.minor)
        bytes += #"","currency":"#.utf8
        JSONText.writeString(t.amount.currency, into: &bytes)
        bytes += #","customer":"#.utf8
        JSONText.writeString(t.customerId, into: &bytes)
        bytes += #","date":""#.utf8
        writeDate(t.date)
        bytes.append(0x22)
        if let n = t.note { bytes += #","note":"#.utf8; JSONText.writeString(n, into: &bytes) }
        if let p = t.product { bytes += #","product":"#.utf8; JSONText.writeString(p, into: &bytes) }
        if let q = t.quantityMilli { bytes += #","quantity":""#.utf8; writeMoney(q / 10); bytes.append(0x22) }
        bytes += "}}\n".utf8
    }

    /// The line of an interaction's create entry (see `append(transaction:…)`).
    public mutating func append(interaction i: Interaction, seq: Int64, at: Timestamp, by: String, event: String?) {
        head(seq: seq, at: at, by: by, type: "interaction", id: i.id, event: event)
        bytes += #""at":""#.utf8
        writeDate(i.at.utcDate)
        let ms = i.at.millis - Int64(i.at.utcDate.days) * 86_400_000
        bytes.append(UInt8(ascii: "T"))
        let secs = Int(ms / 1000)
        two(secs / 3600); bytes.append(0x3A); two(secs / 60 % 60); bytes.append(0x3A); two(secs % 60)
        bytes.append(0x2E)
        let milli = Int(ms % 1000)
        bytes.append(UInt8(48 + milli / 100)); two(milli % 100)
        bytes += #"Z""#.utf8
        if let b = i.by { bytes += #","by":"#.utf8; JSONText.writeString(b, into: &bytes) }
        if let c = i.channel { bytes += #","channel":"#.utf8; JSONText.writeString(c, into: &bytes) }
        bytes += #","customer":"#.utf8
        JSONText.writeString(i.customerId, into: &bytes)
        bytes += #","kind":""#.utf8
        bytes += i.kind.rawValue.utf8
        bytes.append(0x22)
        if !i.note.isEmpty { bytes += #","note":"#.utf8; JSONText.writeString(i.note, into: &bytes) }
        bytes += "}}\n".utf8
    }

    /// Everything up to and including `"set":{`.
    private mutating func head(seq: Int64, at: Timestamp, by: String, type: String, id: String, event: String?) {
        if at != lastAt { lastAt = at; lastAtText = Array(at.description.utf8) }
        bytes += #"{"seq":"#.utf8
        JSONText.writeInt(seq, into: &bytes)
        bytes += #","at":""#.utf8
        bytes += lastAtText
        bytes += #"","by":"#.utf8
        JSONText.writeString(by, into: &bytes)
        bytes += #","op":"create","type":""#.utf8
        bytes += type.utf8
        bytes += #"","id":""#.utf8
        bytes += id.utf8
        bytes.append(0x22)
        if let event { bytes += #","event":"#.utf8; JSONText.writeString(event, into: &bytes) }
        bytes += #","set":{"#.utf8
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

    @inline(__always) private mutating func two(_ n: Int) {
        bytes.append(UInt8(48 + n / 10 % 10)); bytes.append(UInt8(48 + n % 10))
    }
}
