import Foundation
import KehuCore

/// Settings of one import.
public struct ImportOptions: Sendable {
    /// `--map SRC=FIELD`: header → field key, label, `custom.NAME`, or `-` to ignore.
    public var maps: [String: String] = [:]
    /// Refuse unknown columns instead of making custom fields.
    public var strict = false
    /// Import the valid rows and report the others instead of refusing the file.
    public var skipInvalid = false
    /// Add values missing from the system dictionary instead of refusing them.
    public var addToDictionary = false
    /// The zone of spreadsheet times without one.
    public var timeZone: TimeZone = .current
    /// Owner of new customers when the file has no owner column (the importing user).
    public var user: String
    public var today: LocalDate

    public init(user: String, today: LocalDate) { self.user = user; self.today = today }
}

/// What an import would do: the changes, the problems and the counts.
public struct ImportPlan: Sendable {
    /// Dictionary additions first, then the records, in file order.
    public var changes: [Change] = []
    /// New transactions and interactions, typed (ids are given when committed).
    public var transactions: [Transaction] = []
    public var interactions: [Interaction] = []
    public var problems: [ImportProblem] = []
    /// Row indexes (into the table) that have problems, in order.
    public var rejectedRows: [Int] = []
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    /// `region/华西` … added with `--add-to-dictionary`.
    public var dictionaryAdded: [String] = []
    public var notes: [String] = []

    /// What to commit.
    public var batch: RecordBatch { RecordBatch(changes: changes, transactions: transactions, interactions: interactions, event: "import") }
}

/// Turns a table into journal changes against a snapshot, validating every row
/// with the same checker the store uses (`FieldChecker`), so that a plan without
/// problems commits. Pure: the importer calls it inside `store.commit`, under the
/// write lock, with the latest snapshot.
///
/// Matching existing records, so that running an import twice changes nothing:
/// - customers by external id (客户编号), or by store id (`C12`) for customers
///   without one (a re-imported export); changed fields become one update,
///   blank cells never erase a value;
/// - contacts by customer and name (updated like customers);
/// - transactions and interactions by all their fields: a row equal to an
///   existing record is skipped; two equal rows in a file stay two records.
public struct ImportPlanner {
    public let table: DataTable
    public let kind: ImportKind
    public let map: ColumnMap
    public let options: ImportOptions
    /// Called every few thousand rows with (rows done, rows in total).
    public var progress: ((Int, Int) -> Void)?

    public init(table: DataTable, kind: ImportKind, options: ImportOptions) throws {
        self.table = table; self.kind = kind; self.options = options
        map = try ColumnMap(header: table.header, kind: kind, maps: options.maps, strict: options.strict, source: table.source)
        fieldKeys = map.targets.map { if case .field(let f) = $0 { f } else { nil } }
        customerFields = kind == .customers ? fieldKeys.map { $0.flatMap(CustomerField.init(rawValue:)) } : []
    }

    /// Per column of a customers file, the customer field it fills (nil: custom or ignored).
    let customerFields: [CustomerField?]

    /// Per column, the field it fills (nil for ignored columns).
    let fieldKeys: [String?]

    public func plan(_ base: Snapshot) -> ImportPlan {
        var plan = ImportPlan()
        plan.notes = map.notes
        var snapshot = base
        if options.addToDictionary { addDictionaryValues(&snapshot, &plan) }
        let checker = FieldChecker(snapshot: snapshot)
        var state = RowState()
        let total = table.rows.count
        let chunk = 32_768
        var prepared: [EventRow] = []
        var preparedCustomers: [CustomerPrep] = []
        let columns = EventColumns(map)
        if kind == .transactions { plan.transactions.reserveCapacity(table.rows.count) }
        if kind == .interactions { plan.interactions.reserveCapacity(table.rows.count) }
        for r in 0..<total {
            if r % chunk == 0 {
                progress?(r, total)
                // Converting and checking a row needs nothing from the rows before it (a customer
                // row is prepared as a create; matching and updates stay in order), so a chunk of
                // rows is done on all cores.
                let start = r, end = min(total, r + chunk)
                let frozen = snapshot
                if kind == .transactions || kind == .interactions {
                    // Each worker remembers its last customer reference: rows come grouped by customer.
                    let per = 1_024
                    prepared = Parallel.map((end - start + per - 1) / per) { k -> [EventRow] in
                        var last = ("", "")
                        return (start + k * per..<min(end, start + (k + 1) * per)).map { eventRow($0, frozen, checker, columns, &last) }
                    }.flatMap { $0 }
                } else if kind == .customers {
                    preparedCustomers = Parallel.map(end - start) { prepareCustomer(start + $0, frozen, checker) }
                }
            }
            var problems: [ImportProblem] = []
            let change: Change?
            switch kind {
            case .customers: change = customerRow(r, preparedCustomers[r % chunk], snapshot, checker, &state, &problems, &plan)
            case .contacts: change = contactRow(r, snapshot, checker, &state, &problems, &plan)
            case .transactions, .interactions:
                let row = prepared[r % chunk]
                problems = row.problems
                if problems.isEmpty { keepEvent(row, snapshot, &state, &plan) }
                change = nil
            }
            if problems.isEmpty {
                if let change { plan.changes.append(change) }
            } else {
                plan.problems += problems
                plan.rejectedRows.append(r)
            }
        }
        progress?(total, total)
        return plan
    }

    // MARK: - Shared

    /// Memory across rows: keys seen in the file, resolved customer references,
    /// and signatures of existing children.
    struct RowState {
        var keys: [String: Int] = [:]
        var customerRefs: [String: String?] = [:]
        var existing: [String: Int] = [:]
        var loadedCustomers = Set<String>()
        /// The customer of the last event row kept (its existing records are loaded).
        var lastCustomer = ""
        var contactsByKey: [String: [String]] = [:]
    }

    func header(_ field: String) -> String {
        guard let c = map.column(field) else { return field }
        let h = table.header[c]
        return h == field ? h : "\(h) (\(field))"
    }

    func problem(_ r: Int, _ field: String, _ reason: String) -> ImportProblem {
        ImportProblem(source: table.source, line: table.lines[r], field: header(field), reason: reason)
    }

    /// Calls `body` with each non-blank cell of the row and its field key (no
    /// array per row: an import visits millions of cells).
    func forEachCell(_ r: Int, _ body: (String, String) -> Void) {
        forEachCell(r) { _, f, text in body(f, text) }
    }

    /// `forEachCell` with the column of each cell.
    func forEachCell(_ r: Int, _ body: (Int, String, String) -> Void) {
        let row = table.rows[r]
        for c in 0..<min(row.count, fieldKeys.count) {
            guard let f = fieldKeys[c] else { continue }
            let text = ImportPlanner.trimmed(row[c])
            if !text.isEmpty { body(c, f, text) }
        }
    }

    /// True for text already in the journal's date form: `DDDD-DD-DD`.
    static func isJournalDate(_ text: String) -> Bool {
        guard text.utf8.count == 10 else { return false }
        for (i, b) in text.utf8.enumerated() where (i == 4 || i == 7) ? b != 0x2D : !(b >= 0x30 && b <= 0x39) { return false }
        return true
    }

    /// The text without surrounding white space; cells are usually already trimmed,
    /// so this checks the ends first instead of calling Foundation for every cell.
    static func trimmed(_ s: String) -> String {
        guard let f = s.unicodeScalars.first, let l = s.unicodeScalars.last else { return s }
        return f.isWhitespaceFast || l.isWhitespaceFast ? s.trimmingCharacters(in: .whitespacesAndNewlines) : s
    }

    func report(_ errors: [ChangeError], _ r: Int, _ problems: inout [ImportProblem]) {
        for e in errors {
            if case let .invalid(_, _, field, reason) = e { problems.append(problem(r, field, reason)) }
            else { problems.append(ImportProblem(source: table.source, line: table.lines[r], field: "record", reason: e.description)) }
        }
    }

    /// The store id of the customer a child row names (external id first, then id).
    func customerRef(_ text: String, _ snapshot: Snapshot, _ state: inout RowState) -> String? {
        if let hit = state.customerRefs[text] { return hit }
        var id = snapshot.customerByExternalId[text]
        if id == nil, snapshot.customers.contains(id: text.uppercased()) { id = text.uppercased() }
        if id == nil { id = MergeAlias.survivor(of: text, in: snapshot) }
        state.customerRefs[text] = id
        return id
    }

    // MARK: - Dictionary

    /// Adds values of dictionary columns that the dictionary lacks (`--add-to-dictionary`),
    /// code = label = the text as written; strategies are not added (they need a cycle).
    func addDictionaryValues(_ snapshot: inout Snapshot, _ plan: inout ImportPlan) {
        var columns: [(Int, DictionaryKind)] = []
        for (c, t) in map.targets.enumerated() {
            guard case .field(let f) = t else { continue }
            if kind == .customers, let field = CustomerField(rawValue: f), case .dictionary(let k) = field.kind, !k.hasCycle { columns.append((c, k)) }
            if kind == .interactions, f == "channel" { columns.append((c, .channel)) }
        }
        var seq = snapshot.seq
        for (c, k) in columns {
            for row in table.rows where c < row.count {
                let text = ImportPlanner.trimmed(row[c])
                guard !text.isEmpty, snapshot.dictionary.resolve(k, text) == nil else { continue }
                let change = Change(op: .create, entity: Entity.dictionary.rawValue, id: "\(k.rawValue)/\(text)",
                                    fields: ["zh": .string(text), "en": .string(text)], event: "import")
                seq += 1
                guard (try? snapshot.apply(JournalEntry(seq: seq, at: Timestamp(millis: 0), by: options.user, change: change))) != nil else { continue }
                plan.changes.append(change)
                plan.dictionaryAdded.append(change.id!)
            }
        }
    }

    // MARK: - Customers

    /// A customer row converted, matched against the snapshot, and, when it
    /// is new, turned into its create change and checked (done on all cores).
    struct CustomerPrep {
        var fields: [String: Value] = [:]
        var key: String?
        var existing: Customer?
        var create: Change?
        var problems: [ImportProblem] = []
    }

    func prepareCustomer(_ r: Int, _ snapshot: Snapshot, _ checker: FieldChecker) -> CustomerPrep {
        var p = CustomerPrep()
        p.fields.reserveCapacity(fieldKeys.count + 2)
        forEachCell(r) { c, f, text in
            if let field = customerFields[c] { p.fields[f] = ImportValue.customer(field, text, dictionary: snapshot.dictionary) }
            else { p.fields[f] = .string(text) }
        }
        if let key = p.fields["externalId"]?.stringValue {
            p.key = key
            if let id = snapshot.customerByExternalId[key] { p.existing = snapshot.customers[id] }
            else if let c = snapshot.customers[key.uppercased()], c.externalId == nil {
                // An export of this store writes C12 for customers without an external id.
                p.existing = c
                p.fields["externalId"] = nil
            }
        }
        guard p.existing == nil else { return p }
        if map.column("owner") == nil {
            p.fields["owner"] = .string(options.user)
        }
        if p.fields["owner"] != nil, p.fields["ownerSince"] == nil { p.fields["ownerSince"] = .string(options.today.description) }
        let change = Change.create(.customer, p.fields, event: "import")
        report(checker.check(change), r, &p.problems)
        p.create = change
        return p
    }

    func customerRow(_ r: Int, _ prep: CustomerPrep, _ snapshot: Snapshot, _ checker: FieldChecker, _ state: inout RowState,
                     _ problems: inout [ImportProblem], _ plan: inout ImportPlan) -> Change? {
        if let key = prep.key {
            if let line = state.keys[key] {
                problems.append(problem(r, "externalId", "'\(key)' is also on line \(line)"))
                return nil
            }
            state.keys[key] = table.lines[r]
        }
        if let c = prep.existing {
            return write(.customer, r, prep.fields, existing: (c.id, c.version, c.fieldValues), checker, &problems, &plan)
        }
        problems += prep.problems
        if problems.isEmpty { plan.created += 1 }
        return prep.create
    }

    /// A create, or an update of the fields that differ from `existing` (nothing when none does), checked.
    func write(_ entity: Entity, _ r: Int, _ fields: [String: Value], existing: (id: String, version: Int, values: [String: Value])?,
               _ checker: FieldChecker, _ problems: inout [ImportProblem], _ plan: inout ImportPlan) -> Change? {
        let change: Change
        if let e = existing {
            var diff: [String: Value] = [:]
            for (k, v) in fields where e.values[k] != v && !(k == "locked" && v == .bool(false) && e.values[k] == nil) { diff[k] = v }
            if entity == .customer, diff["owner"] != nil, diff["ownerSince"] == nil { diff["ownerSince"] = .string(options.today.description) }
            guard !diff.isEmpty else { plan.unchanged += 1; return nil }
            change = Change.update(entity, id: e.id, base: e.version, diff, event: "import")
        } else {
            change = Change.create(entity, fields, event: "import")
        }
        report(checker.check(change), r, &problems)
        if problems.isEmpty { if existing == nil { plan.created += 1 } else { plan.updated += 1 } }
        return change
    }

    // MARK: - Contacts

    func contactRow(_ r: Int, _ snapshot: Snapshot, _ checker: FieldChecker, _ state: inout RowState,
                    _ problems: inout [ImportProblem], _ plan: inout ImportPlan) -> Change? {
        var fields: [String: Value] = [:]
        forEachCell(r) { f, text in fields[f] = .string(text) }
        guard let ref = fields["customer"]?.stringValue else { problems.append(problem(r, "customer", "is required")); return nil }
        guard let cid = customerRef(ref, snapshot, &state) else {
            problems.append(problem(r, "customer", "no customer '\(ref)' (import the customers first, with this external id)"))
            return nil
        }
        fields["customer"] = .string(cid)
        let name = DedupText.fold(fields["name"]?.stringValue ?? "")
        if !state.loadedCustomers.contains(cid) {
            state.loadedCustomers.insert(cid)
            for p in snapshot.contacts(of: cid) { state.contactsByKey[cid + "|" + DedupText.fold(p.name), default: []].append(p.id) }
        }
        let key = cid + "|" + name
        if !name.isEmpty, var queue = state.contactsByKey[key], !queue.isEmpty, let p = snapshot.contacts[queue.removeFirst()] {
            state.contactsByKey[key] = queue
            return write(.contact, r, fields, existing: (p.id, p.version, p.fieldValues), checker, &problems, &plan)
        }
        return write(.contact, r, fields, existing: nil, checker, &problems, &plan)
    }

    // MARK: - Transactions and interactions

    /// A transaction or interaction row converted and checked: the typed record
    /// (nil when the row is invalid) and its problems.
    struct EventRow {
        var transaction: Transaction?
        var interaction: Interaction?
        var problems: [ImportProblem] = []
    }

    /// The columns of the event fields, looked up once per import (-1: no such column).
    struct EventColumns {
        let customer, date, amount, currency, product, quantity, note, at, channel, by, kind: Int
        init(_ map: ColumnMap) {
            func c(_ field: String) -> Int { map.column(field) ?? -1 }
            (customer, date, amount, currency, product, quantity, note) = (c("customer"), c("date"), c("amount"), c("currency"), c("product"), c("quantity"), c("note"))
            (at, channel, by, kind) = (c("at"), c("channel"), c("by"), c("kind"))
        }
    }

    /// A row converted to a typed record. Rows in the forms exports and most
    /// spreadsheets write (`2026-01-31`, `1234.50`, an instant ending in `Z`, a
    /// channel code or label) are read here directly; any other row, and every
    /// invalid one, goes through `eventChange`, the general conversion and
    /// checks, so messages and accepted forms are the same either way.
    func eventRow(_ r: Int, _ snapshot: Snapshot, _ checker: FieldChecker, _ columns: EventColumns, _ lastRef: inout (String, String)) -> EventRow {
        let row = table.rows[r]
        func cell(_ c: Int) -> String { c >= 0 && c < row.count ? row[c] : "" }
        func plain(_ s: String) -> Bool {
            // Cells are usually trimmed already; one with white space at either end takes the general path.
            guard let f = s.utf8.first, let l = s.utf8.last else { return true }
            if f > 0x20 && f < 0x80 && l > 0x20 && l < 0x80 { return true }
            return ImportPlanner.trimmed(s) == s
        }
        let ref = cell(columns.customer)
        guard !ref.isEmpty, plain(ref) else { return slowEventRow(r, snapshot, checker) }
        let cid: String
        if ref == lastRef.0 { cid = lastRef.1 } else {
            var state = RowState()
            guard let id = customerRef(ref, snapshot, &state) else { return slowEventRow(r, snapshot, checker) }
            lastRef = (ref, id)
            cid = id
        }
        if kind == .transactions {
            let dateText = cell(columns.date), amountText = cell(columns.amount)
            guard ImportPlanner.isJournalDate(dateText), let date = LocalDate(dateText),
                  plain(amountText), let minor = Money(parsing: amountText)?.minor else { return slowEventRow(r, snapshot, checker) }
            var currency = cell(columns.currency)
            if currency.isEmpty { currency = "CNY" }
            guard currency.utf8.count == 3, currency.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else { return slowEventRow(r, snapshot, checker) }
            var t = Transaction(id: "", customerId: cid, date: date, amount: Money(minor: minor, currency: currency))
            let q = cell(columns.quantity)
            if !q.isEmpty {
                guard plain(q), let m = Money(parsing: q) else { return slowEventRow(r, snapshot, checker) }
                t.quantityMilli = m.minor * 10
            }
            let product = cell(columns.product), note = cell(columns.note)
            guard plain(product), plain(note) else { return slowEventRow(r, snapshot, checker) }
            t.product = product.isEmpty ? nil : product
            t.note = note.isEmpty ? nil : note
            return EventRow(transaction: t)
        }
        let atText = cell(columns.at)
        guard atText.utf8.last == UInt8(ascii: "Z"), plain(atText), let at = Timestamp(atText) else { return slowEventRow(r, snapshot, checker) }
        var i = Interaction(id: "", customerId: cid, at: at)
        let channel = cell(columns.channel), note = cell(columns.note), by = cell(columns.by), kindText = cell(columns.kind)
        guard plain(channel), plain(note), plain(by), plain(kindText) else { return slowEventRow(r, snapshot, checker) }
        if !channel.isEmpty {
            guard let code = snapshot.dictionary.resolveCode(.channel, channel) else { return slowEventRow(r, snapshot, checker) }
            i.channel = code
        }
        if !kindText.isEmpty {
            guard let k = Interaction.Kind(rawValue: kindText) else { return slowEventRow(r, snapshot, checker) }
            i.kind = k
        }
        i.note = note
        i.by = by.isEmpty ? nil : by
        return EventRow(interaction: i)
    }

    /// `eventChange`'s result as a typed record (the same fields `apply` would read).
    func slowEventRow(_ r: Int, _ snapshot: Snapshot, _ checker: FieldChecker) -> EventRow {
        let (change, problems) = eventChange(r, snapshot, checker)
        var out = EventRow(problems: problems)
        guard let change, problems.isEmpty else { return out }
        if kind == .transactions { out.transaction = Snapshot.newTransaction(change.fields) }
        else { out.interaction = Snapshot.newInteraction(change.fields) }
        return out
    }

    /// The general conversion and checks of a transaction or interaction row:
    /// its create change (nil when invalid) and its problems.
    func eventChange(_ r: Int, _ snapshot: Snapshot, _ checker: FieldChecker) -> (Change?, [ImportProblem]) {
        var problems: [ImportProblem] = []
        var fields: [String: Value] = Dictionary(minimumCapacity: fieldKeys.count + 1)
        forEachCell(r) { f, text in
            switch (kind, f) {
            case (.transactions, "date"):
                guard let d = ImportValue.date(text) else { problems.append(problem(r, f, "'\(text)' is not a date (YYYY-MM-DD)")); return }
                fields[f] = .string(d.description)
            case (.transactions, "amount"):
                guard let a = ImportValue.amount(text) else { problems.append(problem(r, f, "'\(text)' is not an amount (e.g. 1234.50)")); return }
                fields[f] = .string(a)
            case (.transactions, "currency"): fields[f] = .string(text.uppercased())
            case (.interactions, "at"):
                guard let t = ImportValue.instant(text, zone: options.timeZone) else {
                    problems.append(problem(r, f, "'\(text)' is not a date and time (2026-01-31 09:30 or 2026-01-31T01:30:00Z)")); return
                }
                fields[f] = .string(t.description)
            case (.interactions, "channel"): fields[f] = .string(snapshot.dictionary.resolveCode(.channel, text) ?? text)
            case (.interactions, "kind"): fields[f] = .string(ImportValue.interactionKind(text))
            default: fields[f] = .string(text)
            }
        }
        guard let ref = fields["customer"]?.stringValue else { problems.append(problem(r, "customer", "is required")); return (nil, problems) }
        var state = RowState()
        guard let cid = customerRef(ref, snapshot, &state) else {
            problems.append(problem(r, "customer", "no customer '\(ref)' (import the customers first, with this external id)"))
            return (nil, problems)
        }
        fields["customer"] = .string(cid)
        let change = Change.create(kind == .transactions ? .transaction : .interaction, fields, event: "import")
        // A cell that could not be read is reported once, not again as missing.
        let unread = Set(problems.map(\.field))
        report(checker.check(change).filter { if case let .invalid(_, _, f, _) = $0 { !unread.contains(header(f)) } else { true } }, r, &problems)
        return (problems.isEmpty ? change : nil, problems)
    }

    /// Keeps a converted row unless it equals a record already in the store (each
    /// existing record matches one row, so equal rows in a file stay distinct).
    func keepEvent(_ row: EventRow, _ snapshot: Snapshot, _ state: inout RowState, _ plan: inout ImportPlan) {
        let cid = row.transaction?.customerId ?? row.interaction?.customerId ?? ""
        // Rows come grouped by customer: the set is consulted once per group. (Into a store
        // without records of this kind there is nothing to match at all.)
        let none = kind == .transactions ? snapshot.transactions.isEmpty : snapshot.interactions.isEmpty
        if !none, cid != state.lastCustomer, !state.loadedCustomers.contains(cid) {
            state.loadedCustomers.insert(cid)
            if kind == .transactions {
                for id in snapshot.transactionsByCustomer[cid] ?? [] {
                    if let t = snapshot.transactions[id] { state.existing[signature(t), default: 0] += 1 }
                }
            } else {
                for id in snapshot.interactionsByCustomer[cid] ?? [] {
                    if let i = snapshot.interactions[id] { state.existing[signature(i), default: 0] += 1 }
                }
            }
        }
        state.lastCustomer = cid
        if !state.existing.isEmpty {
            let sig = row.transaction.map(signature) ?? row.interaction.map(signature) ?? ""
            if let n = state.existing[sig], n > 0 { state.existing[sig] = n - 1; plan.unchanged += 1; return }
        }
        plan.created += 1
        if let t = row.transaction { plan.transactions.append(t) }
        if let i = row.interaction { plan.interactions.append(i) }
    }

    /// The identity of a transaction or interaction: every field but id and version.
    func signature(_ t: Transaction) -> String {
        "\(t.customerId)\u{1F}\(t.date.days)\u{1F}\(t.amount.minor)\u{1F}\(t.amount.currency)\u{1F}\(t.product ?? "")\u{1F}\(t.quantityMilli.map(String.init) ?? "")\u{1F}\(t.note ?? "")"
    }

    func signature(_ i: Interaction) -> String {
        "\(i.customerId)\u{1F}\(i.at.millis)\u{1F}\(i.channel ?? "")\u{1F}\(i.note)\u{1F}\(i.by ?? "")\u{1F}\(i.kind.rawValue)"
    }
}
