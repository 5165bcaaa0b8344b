/// A purchase (交易) by a customer. Money is integer minor units (分 for CNY),
/// never floating point.
public struct Transaction: Hashable, Sendable, Identifiable {
    public var id: String
    public var version: Int = 0
    public var customerId: String
    public var date: LocalDate
    public var amount: Money
    public var product: String?
    /// Quantity in thousandths (so 1.5 units is 1500): integer, like money.
    public var quantityMilli: Int64?
    public var note: String?

    public init(id: String, customerId: String, date: LocalDate, amount: Money) {
        self.id = id; self.customerId = customerId; self.date = date; self.amount = amount
    }

    public static let fields = ["customer", "date", "amount", "currency", "product", "quantity", "note"]
}
