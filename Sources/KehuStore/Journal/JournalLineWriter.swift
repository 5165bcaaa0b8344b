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
}
