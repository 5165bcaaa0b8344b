import KehuCore

/// Builds `Snapshot` values for the analytics tests by applying journal entries
/// directly, as the store would after committing them.
struct AnalyticsStoreFixture {
    var snapshot = Snapshot()
    var seq: Int64 = 0
    var transactionNumber = 0

    /// A store with the seed dictionary, as `kehu init` creates it.
    init() {
        for e in DictionarySeed.entries {
            apply(.create(.dictionary, id: e.id, ["zh": .string(e.label.zh), "en": .string(e.label.en)]))
        }
    }

    mutating func apply(_ change: Change, by: String = "alice") {
        seq += 1
        try! snapshot.apply(JournalEntry(seq: seq, at: Timestamp(millis: 1_700_000_000_000 + seq), by: by, change: change))
    }

    mutating func customer(_ id: String, _ name: String, region: String? = nil, category: String? = nil, owner: String? = nil) {
        var f: [String: Value] = ["name": .string(name)]
        if let region { f["region"] = .string(region) }
        if let category { f["category"] = .string(category) }
        if let owner { f["owner"] = .string(owner) }
        apply(.create(.customer, id: id, f))
    }

    mutating func buy(_ customer: String, _ date: String, _ amount: String, currency: String = "CNY") {
        transactionNumber += 1
        apply(.create(.transaction, id: "T\(transactionNumber)", ["customer": .string(customer), "date": .string(date),
                                                        "amount": .string(amount), "currency": .string(currency)]))
    }
}

func day(_ s: String) -> LocalDate { LocalDate(s)! }
