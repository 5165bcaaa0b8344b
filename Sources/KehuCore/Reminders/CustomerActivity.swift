/// When a customer was last contacted, as a calendar day in the user's zone.
///
/// Every kind of interaction counts (a call, a visit, and also feedback or a
/// complaint the customer raised: someone talked to the customer). Only the
/// latest instant is turned into a date, so the cost is one zone lookup per
/// customer however many interactions it has.
public enum CustomerActivity {
    /// The latest interaction's instant, or nil when there is none.
    public static func lastInteraction(of customerId: String, in s: Snapshot) -> Timestamp? {
        var last: Timestamp?
        // The instant straight from the stored row: building each `Interaction` (its note,
        // channel and author strings) for this was most of a reminder plan over 100k customers.
        for id in s.interactionsByCustomer[customerId] ?? [] {
            if let at = s.interactions.instant(of: id), last == nil || at > last! { last = at }
        }
        return last
    }

    /// The calendar day of the latest interaction.
    public static func lastContactDay(of customerId: String, in s: Snapshot, calendar: LocalCalendar) -> LocalDate? {
        lastInteraction(of: customerId, in: s).map(calendar.date(of:))
    }

    /// The day the customer was created, in the user's zone.
    public static func createdDay(_ c: Customer, calendar: LocalCalendar) -> LocalDate {
        calendar.date(of: c.createdAt)
    }
}

extension RecordTable where Record == Interaction {
    /// When the interaction happened, without unpacking it.
    func instant(of id: String) -> Timestamp? {
        row(of: id).map { Timestamp(millis: rows[$0].at) }
    }
}
