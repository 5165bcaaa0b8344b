/// Which transactions the analytics count as purchases, in one place so that
/// segments, RFM and CLV agree.
///
/// Only the store's main currency (CNY) is summed: adding yuan to dollars would be
/// wrong, and `CustomerMetrics` keeps other currencies apart for the same reason.
/// A purchase has a positive amount; refunds (negative amounts) reduce revenue and
/// monetary value but are not purchases, so they do not make a customer "recent".
public enum PurchaseFilter {
    public static let currency = "CNY"

    @inline(__always) public static func counts(_ t: Transaction) -> Bool { t.amount.currency == currency }

    @inline(__always) public static func isPurchase(_ t: Transaction) -> Bool { t.amount.currency == currency && t.amount.minor > 0 }
}
