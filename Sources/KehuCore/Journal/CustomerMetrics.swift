/// The figures derived from a customer's transactions (交易次数, 交易金额,
/// 首次交易, 最近交易). Kept up to date incrementally as transactions are applied.
public struct CustomerMetrics: Hashable, Sendable {
    public var count: Int = 0
    /// Sum in minor units of the store's main currency (CNY); other currencies are
    /// counted but summed separately in `otherCurrencies`.
    public var total: Int64 = 0
    public var otherCurrencies: [String: Int64] = [:]
    public var first: LocalDate?
    public var last: LocalDate?

    public init() {}

    mutating func add(_ t: Transaction) { add(minor: t.amount.minor, currency: t.amount.currency, date: t.date) }

    public var totalMoney: Money { Money(minor: total) }
}
