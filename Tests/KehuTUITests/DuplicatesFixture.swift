@testable import KehuCore
@testable import KehuTUI

/// The reducer fixture plus two planted duplicates — C5 of 广州市人易 (C1), C6 of
/// Acme Trading (C3) — and a hand-made dedup result for them, so pane tests
/// do not depend on what EM learns from six customers.
enum DuplicatesFixture {
    static let extra: [Change] = [
        .create(.customer, ["name": "广州市人易软件技术有限责任公司", "region": "华南", "phone": "020 3888 8888", "email": "info@renyi.cn",
                            "owner": "bob", "address": "广州市天河路 385 号", "postcode": "510620", "credit": 3]),
        .create(.customer, ["name": "ACME Trading Limited", "region": "华北", "email": "john@acme.com"]),
        .create(.transaction, ["customer": "C5", "date": "2026-06-01", "amount": "5000.00", "product": "培训"]),
        .create(.interaction, ["customer": "C5", "at": "2026-06-02T02:00:00Z", "channel": "电话", "note": "培训回访", "by": "bob"]),
        .create(.contact, ["customer": "C5", "name": "曾国强", "mobile": "13912345678"]),
    ]

    static func snapshot(_ more: [Change] = []) -> Snapshot { Fixture.snapshot(extra: extra + more) }

    static func state(width: Int = 80, height: Int = 24, lang: Language = .zh, snapshot: Snapshot? = nil) -> AppState {
        Fixture.state(width: width, height: height, lang: lang, snapshot: snapshot ?? self.snapshot())
    }

    static func scan(generation: Int = 1) -> DuplicateScan {
        DuplicateScan(generation: generation, pairs: [
            DedupPair(id1: "C1", id2: "C5", label1: "C1", label2: "C5", score: 0.9987, weight: 14, agreeing: ["phone", "email"], similar: ["name", "contacts"]),
            DedupPair(id1: "C3", id2: "C6", label1: "C3", label2: "C6", score: 0.951, weight: 6, agreeing: ["email"], similar: ["name"]),
        ], records: 6, compared: 9)
    }

    /// Opens the pane and delivers the dedup result, as the runtime would.
    static func opened(_ s: inout AppState) {
        _ = Fixture.keys(&s, [.char("D")])
        _ = Reducer.reduce(&s, .duplicatesFound(scan(generation: s.duplicates.generation)))
    }

    /// Applies a commit's changes to the state's snapshot, like the store, and reports it to the reducer.
    static func commit(_ s: inout AppState, _ effects: [Effect]) throws {
        guard case .commit(let changes)? = effects.first else { return }
        var snap = s.snapshot
        var seq = snap.seq
        var ids: [String] = []
        for var c in changes {
            if c.id == nil, let e = Entity(rawValue: c.entity) { c.id = snap.nextId(for: e) }
            seq += 1
            try snap.apply(JournalEntry(seq: seq, at: Fixture.now, by: "alice", change: c))
            ids.append(c.id ?? "")
        }
        _ = Reducer.reduce(&s, .committed(snap, ids: ids))
    }

    /// Moves the field cursor to a row.
    static func focus(_ s: inout AppState, _ key: String) {
        _ = Fixture.keys(&s, [.char("g")])
        while Reducer.mergeRows(s).indices.contains(s.duplicates.row), Reducer.mergeRows(s)[s.duplicates.row].key != key {
            let before = s.duplicates.row
            _ = Fixture.keys(&s, [.char("j")])
            if s.duplicates.row == before { return }
        }
    }
}
