import KehuCore

/// Every user-visible string of the workstation, by key. The texts live in one
/// catalogue per language (`Catalog+zh.swift`, `Catalog+en.swift`); a test
/// fails when a key is missing from either.
public enum Msg: String, CaseIterable, Sendable {
    case appTitle, paneList, paneDetail, paneDashboard, paneAgenda
    case listCount, listFilter, listSort, listEmpty, listNoMatch, filterPrompt
    case detailNone, sectionBasic, sectionContacts, sectionPurchases, sectionInteractions
    case sectionFeedback, sectionMetrics, noContacts, noPurchases, noInteractions, noFeedback
    case metricCount, metricTotal, metricFirst, metricLast, metricAverage, metricNextFollowUp
    case metricLastContact, metricDaysAgo, metricOtherCurrencies, monthlySparkline, morePurchases
    case colDate, colProduct, colAmount, colQuantity, colNote, colChannel, colBy, colKind
    case colTitle, colPhone, colMobile, colEmail, colWechat, colName, colCustomer, colDue, colCount
    case dashboardTotals, dashboardCustomers, dashboardPool, dashboardRevenueTotal, dashboardByCategory
    case dashboardByRegion, dashboardRevenue, dashboardDue, dashboardNone
    case agendaTitle, agendaMine, agendaEveryone, agendaOverdue, agendaToday, agendaInDays, agendaEmpty
    case formNewCustomer, formEditCustomer, formInteraction, formTransaction, formHint, formRequired
    case formSaved, formCancelled, formNoChanges, formErrors, formSaving, formChangedMeanwhile, formPickHint
    case conflictTitle, conflictField, conflictMine, conflictTheirs, conflictHint, conflictOverwritten
    case helpTitle, helpCommand, helpKeys, helpWhere, helpFooter
    case unknownCommand, commandHint, needCustomer, storeReloaded, langSwitched, themeSwitched
    case yes, no, empty, fieldAt, fieldKind, fieldCurrency, saveFailed, inPool, lockedMark, sortedBy
    case paneDuplicates, dupFinding, dupNone, dupPairOf, dupScore, dupAgreed, dupSimilar, dupKeep, dupAbsorb
    case dupCounts, dupCountsValue, dupMerged, dupDistinctNoted, dupUnmerged, dupMasked, dupNothingToUndo
    case dupSummary, dupQueue, dupNotPickable, dupMerging, dupBusy
}

/// Looks texts up in the catalogues.
public enum Catalog {
    public static func table(_ lang: Language) -> [Msg: String] { lang == .zh ? zh : en }

    /// The text of a key; `{0}`, `{1}` … are replaced by the arguments.
    public static func text(_ m: Msg, _ lang: Language, _ args: [CustomStringConvertible] = []) -> String {
        var s = table(lang)[m] ?? en[m] ?? m.rawValue
        for (i, a) in args.enumerated() { s = s.replacing("{\(i)}", with: a.description) }
        return s
    }
}

extension AppState {
    /// A catalogue text in the UI language.
    public func t(_ m: Msg, _ args: CustomStringConvertible...) -> String { Catalog.text(m, lang, args) }
}
