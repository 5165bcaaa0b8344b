import KehuCore

/// One customer as the list needs it: raw values for sorting, precomputed
/// once per change of the customer, never per keystroke.
public struct CustomerRow: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Pinyin of the name (`guangzhou…`), so names sort as a Chinese user expects.
    public var nameSortKey: [UInt8]
    public var region: String?
    public var category: String?
    public var owner: String?
    public var credit: Int?
    public var lastDeal: LocalDate?
    public var nextFollowUp: LocalDate?
    public var amount: Int64
    public var version: Int

    public init(_ c: Customer, metrics: CustomerMetrics, nextFollowUp: LocalDate?) {
        id = c.id; name = c.name; version = c.version
        var key: [UInt8] = []
        Pinyin.full(c.name, into: &key)
        key.append(1)
        SearchText.fold(c.name, into: &key)
        nameSortKey = key
        region = c.region; category = c.category; owner = c.owner; credit = c.credit
        lastDeal = metrics.last; amount = metrics.total
        self.nextFollowUp = nextFollowUp
    }
}
