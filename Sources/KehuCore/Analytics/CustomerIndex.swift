/// A dense numbering of a snapshot's customers, in id order (C1, C2, … C10), so
/// that a report can make one pass over a million transactions into flat arrays
/// instead of dictionaries.
struct CustomerIndex {
    let ids: [String]
    let position: [String: Int]

    init(_ snapshot: Snapshot) {
        let ids = snapshot.customers.keys.map { (idNumber($0), $0) }.sorted { $0 < $1 }.map(\.1)
        var position: [String: Int] = [:]
        position.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() { position[id] = i }
        self.ids = ids
        self.position = position
    }

    var count: Int { ids.count }
}
