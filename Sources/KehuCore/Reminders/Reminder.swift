/// One thing an account manager should do on a given day: what the agenda,
/// the customer's detail pane and `kehu reminders` show.
///
/// Contact, purchase and pool reminders are computed from the snapshot each
/// time (so a new interaction, a new transaction or a changed strategy re-plans
/// them with no bookkeeping); manual ones are `reminder` records. Every one has
/// an id a user can act on: `R5` for a manual reminder, `contact:C12:2026-11-30`
/// for a computed one. The computed id names the customer and the planned day,
/// so a snooze or dismissal recorded against it applies to that one occurrence
/// and silently stops applying once the plan moves.
public struct Reminder: Hashable, Sendable, Identifiable {
    public enum Kind: String, CaseIterable, Sendable {
        /// 跟进提醒: the contact strategy's cycle has run out since the last contact.
        case contact
        /// 业务下滑提醒: no purchase within the purchase strategy's cycle.
        case purchase
        /// A reminder someone set by hand (`kehu remind`).
        case manual
        /// 公海预警: the customer goes back to the pool soon unless followed up.
        case pool

        public var label: Label {
            switch self {
            case .contact: return Label(zh: "跟进", en: "Follow-up")
            case .purchase: return Label(zh: "业务下滑", en: "Purchase due")
            case .manual: return Label(zh: "提醒", en: "Reminder")
            case .pool: return Label(zh: "公海预警", en: "Pool warning")
            }
        }

        /// Sort order within one day: what the user set by hand first, then
        /// what is about to be lost.
        var rank: Int {
            switch self {
            case .manual: return 0
            case .pool: return 1
            case .purchase: return 2
            case .contact: return 3
            }
        }
    }

    /// `R5` for a manual reminder; `kind:customer:planned-day` for a computed one
    /// (built on demand: most computed reminders are never shown or acted on).
    public var id: String { manualId ?? Reminder.computedId(kind, customer: customerId, planned: planned) }
    /// The record id of a manual reminder.
    public var manualId: String?
    public var kind: Kind
    public var customerId: String
    public var customerName: String
    /// Who should act: the manual reminder's assignee, else the customer's owner.
    public var assignee: String?
    /// The day it is due now: the planned day, or the snooze date once that has come.
    public var due: LocalDate
    /// The day it was planned for (the day in the id of a computed reminder).
    public var planned: LocalDate
    /// `HH:MM` local time, manual reminders only.
    public var time: String?
    /// Set when a snooze moved it: the day it was snoozed to.
    public var snoozedUntil: LocalDate?
    /// What the plan counts from: the last contact, the last purchase, the day the
    /// customer was created or claimed. Nil for manual reminders.
    public var basis: LocalDate?
    /// Why `basis` is what it is.
    public var basisKind: BasisKind?
    /// The strategy code (`每月联系`) and its cycle, for contact and purchase reminders.
    public var strategy: String?
    public var cycleDays: Int?
    /// The note of a manual reminder.
    public var note: String
    /// Pool warnings: when and why the customer goes to the pool.
    public var release: ReleasePlan?

    public enum BasisKind: String, Sendable {
        case lastContact, lastPurchase, created, ownerSince, dismissed
    }

    /// - Parameter id: the record id of a manual reminder; nil for a computed one.
    public init(id: String? = nil, kind: Kind, customerId: String, customerName: String, assignee: String?, due: LocalDate, planned: LocalDate? = nil, note: String = "") {
        self.manualId = id; self.kind = kind; self.customerId = customerId; self.customerName = customerName
        self.assignee = assignee; self.due = due; self.planned = planned ?? due; self.note = note
    }

    /// Days past due as of a date (0 when due that day, negative when still ahead).
    public func daysOverdue(asOf: LocalDate) -> Int { due.days(until: asOf) }

    /// The id of a computed reminder: `kind:customer:planned-day`.
    public static func computedId(_ kind: Kind, customer: String, planned: LocalDate) -> String {
        "\(kind.rawValue):\(customer):\(planned)"
    }

    /// One line saying why this reminder exists, in the UI language; with the
    /// store's dictionary, strategies show by their label in that language.
    public func detail(_ lang: Language, dictionary: SystemDictionary? = nil) -> String {
        let zh = lang == .zh
        let cycle = cycleDays.map { zh ? "\($0)天" : "\($0) days" } ?? ""
        let kindOfStrategy: DictionaryKind = kind == .purchase ? .purchaseStrategy : .contactStrategy
        let strat = strategy.map { "\(dictionary?.label(kindOfStrategy, $0, lang) ?? $0) (\(cycle))" } ?? cycle
        func since() -> String {
            guard let b = basis, let k = basisKind else { return "" }
            switch k {
            case .lastContact: return zh ? "上次联系 \(b)" : "last contact \(b)"
            case .lastPurchase: return zh ? "上次购买 \(b)" : "last purchase \(b)"
            case .created: return zh ? "创建于 \(b)" : "created \(b)"
            case .ownerSince: return zh ? "领取于 \(b)" : "owned since \(b)"
            case .dismissed: return zh ? "上次忽略 \(b)" : "last dismissed \(b)"
            }
        }
        switch kind {
        case .manual: return note
        case .pool: return release?.explanation(lang) ?? note
        case .contact, .purchase:
            let sep = zh ? "，" : ", "
            let what = kind == .purchase && basisKind != .lastPurchase ? (zh ? "尚无购买" : "no purchase yet") + sep : ""
            return "\(what)\(since())\(sep)\(strat)"
        }
    }
}

/// Where a reminder sits in the agenda relative to "today".
public enum AgendaBucket: String, CaseIterable, Sendable {
    case overdue, today, next7, later

    public var label: Label {
        switch self {
        case .overdue: return Label(zh: "逾期", en: "Overdue")
        case .today: return Label(zh: "今天", en: "Today")
        case .next7: return Label(zh: "未来7天", en: "Next 7 days")
        case .later: return Label(zh: "以后", en: "Later")
        }
    }

    /// The bucket of a due date as of a day: before it, on it, within the following 7 days, after.
    public static func of(_ due: LocalDate, asOf: LocalDate) -> AgendaBucket {
        let d = asOf.days(until: due)
        if d < 0 { return .overdue }
        if d == 0 { return .today }
        return d <= 7 ? .next7 : .later
    }
}
