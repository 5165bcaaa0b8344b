import Foundation
import KehuCore

/// The binary snapshot (`snapshot.bin`): the state at one journal position,
/// written so that opening a store reads it in one pass straight into typed
/// records. It is a cache: the journal stays the plain-text truth, and a
/// snapshot that is damaged, of another format version or of another journal
/// is ignored and rebuilt by a replay. Layout: docs/store-format.md.
enum BinarySnapshot {
    static let magic: [UInt8] = Array("KEHUSNAP".utf8)
    static let formatVersion: UInt32 = 1
    static let preludeSize = 24

    static func isBinary(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= preludeSize && magic.indices.allSatisfy { bytes[$0] == magic[$0] }
    }

    // MARK: - Writing

    static func encode(_ s: Snapshot, journalId: String, journalOffset: Int, journalLine: Int) -> [UInt8] {
        encodeBody(s, journalId: journalId).finish(journalOffset: journalOffset, journalLine: journalLine)
    }

    /// A snapshot encoded but for where it stands in the journal: a bulk commit
    /// encodes it while the journal lines are still being written, before their
    /// length (the snapshot's journal offset) is known.
    struct Body {
        var w: ByteWriter
        /// Where the journal offset and line go in `w.bytes`.
        var split: Int

        func finish(journalOffset: Int, journalLine: Int) -> [UInt8] {
            var position = ByteWriter(capacity: 24)
            position.int(journalOffset); position.int(journalLine)
            let table = w.tableBytes()
            var out: [UInt8] = []
            out.reserveCapacity(BinarySnapshot.preludeSize + table.count + w.bytes.count + position.bytes.count)
            out += BinarySnapshot.magic
            withUnsafeBytes(of: BinarySnapshot.formatVersion.littleEndian) { out.append(contentsOf: $0) }
            out.append(contentsOf: [0, 0, 0, 0])
            out.append(contentsOf: [UInt8](repeating: 0, count: 8))
            out += table
            out += w.bytes[..<split]
            out += position.bytes
            out += w.bytes[split...]
            let sum = out.withUnsafeBytes { snapshotChecksum(UnsafeRawBufferPointer(rebasing: $0[BinarySnapshot.preludeSize...])) }
            withUnsafeBytes(of: sum.littleEndian) { raw in for k in 0..<8 { out[16 + k] = raw[k] } }
            return out
        }
    }

    /// The dictionary and customer sections, with the string table they start.
    /// Encoded first (their strings come first in the table) and on their own, so
    /// that a bulk commit can encode them as soon as its last change to customers
    /// or the dictionary is applied, while its typed creates are still being
    /// planned: those never touch these sections.
    final class Customers: @unchecked Sendable {
        private var w: ByteWriter?
        fileprivate init(w: ByteWriter) { self.w = w }

        /// The writer, moved out (so that adding to its table copies nothing; a part is used once).
        fileprivate func take() -> ByteWriter {
            let out = w!
            w = nil
            return out
        }
    }

    static func encodeCustomers(_ s: Snapshot) -> Customers {
        var w = ByteWriter(capacity: 400 * s.customers.count + 64 * s.dictionary.allEntries.count + 4096)
        // Most customer texts are distinct (names, phones, addresses): size the string index once.
        w.reserveStrings(16 * s.customers.count + 4 * s.contacts.count + 1024)
        let entries = s.dictionary.allEntries
        w.int(entries.count)
        for e in entries {
            w.ref(e.kind.rawValue); w.ref(e.code); w.ref(e.label.zh); w.ref(e.label.en)
            w.int(e.cycleDays.map { $0 + 1 } ?? 0)
            w.byte(e.retired ? 1 : 0)
            w.int(s.dictionaryVersions[e.id] ?? 1)
            w.ref(s.lastChangedBy.login(entity: "dictionary", id: e.id))
        }

        // In id order; the ids are sorted, not the customers (copying 100k customers to sort them
        // retained every one of their strings), and each customer is fetched as it is written.
        let order = s.customers.keys.map { (idNumber($0), $0) }.sorted { $0 < $1 }
        w.int(order.count)
        for (_, id) in order {
            guard let c = s.customers[id] else { continue }
            encode(c, by: s.lastChangedBy.login(entity: "customer", id: id), into: &w)
        }
        return Customers(w: w)
    }

    /// - Parameter customers: `encodeCustomers` of a state with the same dictionary
    ///   and customers as `s` (nil: encoded here).
    static func encodeBody(_ s: Snapshot, journalId: String, customers: Customers? = nil) -> Body {
        let records = s.customers.count + s.contacts.count + s.transactions.count + s.interactions.count
        var w = (customers ?? encodeCustomers(s)).take()
        let front = w.bytes
        w.bytes = []
        w.bytes.reserveCapacity(64 * records + 4096)
        w.ref(journalId); w.signed(s.seq)
        let split = w.bytes.count
        let highest = s.highestNumber.sorted { $0.key < $1.key }
        w.int(highest.count)
        for (k, v) in highest { w.ref(k); w.int(v) }
        for n in [s.customers.count, s.contacts.count, s.transactions.count, s.interactions.count] { w.int(n) }
        w.bytes += front

        let groups = s.childGroups
        let tStrings = s.transactions.strings, iStrings = s.interactions.strings
        var tRefs = [UInt32](repeating: 0, count: tStrings.count), iRefs = [UInt32](repeating: 0, count: iStrings.count)
        w.int(groups.count)
        for cid in groups {
            w.ref(cid)
            let p = s.contactsByCustomer[cid] ?? [], t = s.transactionsByCustomer[cid] ?? [], i = s.interactionsByCustomer[cid] ?? []
            w.int(p.count)
            for id in p {
                guard let r = s.contacts[id] else { continue }
                w.id(id, letter: Contact.idLetter); w.int(r.version); w.ref(s.lastChangedBy.login(entity: "contact", id: id))
                w.ref(r.name); w.ref(r.title); w.ref(r.phone); w.ref(r.mobile); w.ref(r.email); w.ref(r.wechat); w.ref(r.notes)
            }
            // From the packed rows: each pool string is looked up in the table once (`tRefs`, `iRefs`).
            w.int(t.count)
            for id in t {
                guard let r = s.transactions.packed(id) else { continue }
                w.id(id, letter: Transaction.idLetter); w.int(r.version); w.ref(s.lastChangedBy.login(entity: "transaction", id: id))
                w.signed(r.time); w.signed(r.number)
                // A transaction without a currency is in CNY (the packed row keeps no code for it).
                if r.a == 0 { w.ref("CNY") } else { w.ref(code: r.a, &tRefs, tStrings) }
                w.ref(code: r.b, &tRefs, tStrings)
                if let q = r.quantityMilli { w.byte(1); w.signed(q) } else { w.byte(0) }
                w.ref(code: r.c, &tRefs, tStrings)
            }
            w.int(i.count)
            for id in i {
                guard let r = s.interactions.packed(id) else { continue }
                w.id(id, letter: Interaction.idLetter); w.int(r.version); w.ref(s.lastChangedBy.login(entity: "interaction", id: id))
                w.signed(r.time); w.ref(code: r.a, &iRefs, iStrings)
                w.ref(code: r.b, &iRefs, iStrings); w.ref(code: r.c, &iRefs, iStrings)
                w.byte(UInt8(truncatingIfNeeded: r.number))
            }
        }

        let extras = s.extras.sorted { $0.key < $1.key }
        w.int(extras.count)
        for (entity, table) in extras {
            w.ref(entity)
            w.int(table.count)
            for (id, f) in table.sorted(by: { $0.key < $1.key }) {
                var fields = f
                let v = Int(fields.removeValue(forKey: "_version")?.intValue ?? 1)
                w.ref(id); w.int(v); w.ref(s.lastChangedBy.login(entity: entity, id: id))
                w.value(.object(fields))
            }
        }

        return Body(w: w, split: split)
    }

    /// Optional customer fields in the order of the presence bits.
    private static func encode(_ c: Customer, by: String?, into w: inout ByteWriter) {
        w.id(c.id, letter: Customer.idLetter); w.int(c.version); w.ref(by)
        // A tuple, not an array: an array of 20 strings per customer was a heap allocation and
        // 20 retains, a third of encoding the customers.
        let texts = (c.externalId, c.region, c.nature, c.source, c.category, c.industry, c.contactStrategy,
                     c.purchaseStrategy, c.scale, c.yearsInBusiness, c.standing, c.settlement, c.phone, c.fax,
                     c.email, c.website, c.address, c.postcode, c.owner, c.notes)
        var mask: UInt64 = 0
        withUnsafeBytes(of: texts) { raw in
            for k in 0..<20 where raw.load(fromByteOffset: k * MemoryLayout<String?>.stride, as: String?.self) != nil { mask |= 1 << UInt64(k) }
        }
        if c.credit != nil { mask |= 1 << 20 }
        if c.employees != nil { mask |= 1 << 21 }
        if c.wantsAgency != nil { mask |= 1 << 22 }
        if c.locked { mask |= 1 << 23 }
        if c.ownerSince != nil { mask |= 1 << 24 }
        if !c.tags.isEmpty { mask |= 1 << 25 }
        if !c.custom.isEmpty { mask |= 1 << 26 }
        w.varint(mask)
        w.ref(c.name)
        withUnsafeBytes(of: texts) { raw in
            for k in 0..<20 { if let t = raw.load(fromByteOffset: k * MemoryLayout<String?>.stride, as: String?.self) { w.ref(t) } }
        }
        if let v = c.credit { w.signed(Int64(v)) }
        if let v = c.employees { w.signed(Int64(v)) }
        if let v = c.wantsAgency { w.byte(v ? 1 : 0) }
        if let d = c.ownerSince { w.signed(Int64(d.days)) }
        if !c.tags.isEmpty { w.int(c.tags.count); for t in c.tags { w.ref(t) } }
        if !c.custom.isEmpty {
            w.int(c.custom.count)
            for (k, v) in c.custom.sorted(by: { $0.key < $1.key }) { w.ref(k); w.ref(v) }
        }
        w.signed(c.createdAt.millis); w.signed(c.updatedAt.millis)
    }

    // MARK: - Reading

    static func decode(_ p: UnsafeRawBufferPointer, path: String) throws -> SnapshotFile.Loaded {
        func damaged(_ reason: String) -> StoreError { StoreError.corrupt(path: path, line: 1, reason: "binary snapshot " + reason) }
        guard isBinary(p) else { throw damaged("has no KEHUSNAP header") }
        let version = p.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian
        guard version == formatVersion else { throw damaged("format version \(version) (this kehu reads \(formatVersion))") }
        let sum = p.loadUnaligned(fromByteOffset: 16, as: UInt64.self).littleEndian
        guard snapshotChecksum(UnsafeRawBufferPointer(rebasing: p[preludeSize...])) == sum else { throw damaged("checksum mismatch") }
        var r = ByteReader(p, at: preludeSize)
        do {
            return try decodeBody(&r)
        } catch let e as ByteReader.Damaged {
            throw damaged(e.description)
        } catch let e as ChangeError {
            throw damaged("record: \(e.description)")
        }
    }

    private static func decodeBody(_ r: inout ByteReader) throws -> SnapshotFile.Loaded {
        try r.readTable()
        let journalId = try r.ref() ?? ""
        let seq = try r.signed(), offset = try r.position(), line = try r.position()
        var highest: [String: Int] = [:]
        for _ in 0..<(try r.int()) { let k = try r.string(); highest[k] = try r.int() }
        var s = Snapshot()
        let customerCount = try r.int(), contactCount = try r.int(), transactionCount = try r.int(), interactionCount = try r.int()
        // Contacts, transactions and interactions are restored into states of their own (below).
        s.reserve(customers: customerCount, contacts: 0, transactions: 0, interactions: 0)

        for _ in 0..<(try r.int()) {
            let kindText = try r.string()
            guard let kind = DictionaryKind(rawValue: kindText) else { throw ByteReader.Damaged(offset: r.i, reason: "unknown dictionary kind \(kindText)") }
            let code = try r.string(), zh = try r.string(), en = try r.string()
            let cycle = try r.int()
            let retired = try r.byte() == 1
            let e = DictionaryEntry(kind: kind, code: code, label: Label(zh: zh, en: en), cycleDays: cycle == 0 ? nil : cycle - 1, retired: retired)
            s.restore(dictionary: e, version: try r.int(), lastBy: try r.ref())
        }

        // Three threads: the child groups are read twice over at once, by one thread for the
        // transactions and interactions (most of a store) and by one for the contacts, each
        // into a state of its own and skipping the other's records, while this thread reads
        // the customers. Both group readers must stop at the same byte; their records are
        // then handed over whole.
        let customers = try r.int()
        var skip = r
        for _ in 0..<customers { try skipCustomer(&skip) }
        let activity = GroupsThread(reader: skip, part: .activity, transactions: transactionCount, interactions: interactionCount, contacts: 0)
        let people = GroupsThread(reader: skip, part: .contacts, transactions: 0, interactions: 0, contacts: contactCount)

        let mine = Result { () throws -> Void in
            for _ in 0..<customers {
                let (number, id) = try r.numberedId(letter: Customer.idLetter)
                var c = Customer(id: number >= 0 ? RecordTable<Customer>.storeId(number) : id)
                let by = try decodeCustomer(&r, into: &c)
                try s.restore(customer: consume c, number: number, lastBy: by)
            }
            guard r.i == skip.i else { throw ByteReader.Damaged(offset: r.i, reason: "customer section ends at \(r.i), skipping it ended at \(skip.i)") }
        }
        // Always wait for both threads before leaving (they read the caller's bytes).
        let theirs = activity.result(), others = people.result()
        try mine.get()
        let (t, end) = try theirs.get()
        let (u, contactsEnd) = try others.get()
        guard end == contactsEnd else { throw ByteReader.Damaged(offset: end, reason: "child groups end at \(contactsEnd) for contacts, at \(end) for transactions and interactions") }
        r.i = end
        s.adoptActivity(from: t)
        s.adoptContacts(from: u)

        for _ in 0..<(try r.int()) {
            let entity = try r.string()
            for _ in 0..<(try r.int()) {
                let id = try r.string(), version = try r.int(), lastBy = try r.ref()
                guard case .object(let f) = try r.value() else { throw ByteReader.Damaged(offset: r.i, reason: "\(entity) \(id): fields are not an object") }
                s.restore(extra: entity, id: id, fields: f, version: version, lastBy: lastBy)
            }
        }
        guard r.atEnd else { throw ByteReader.Damaged(offset: r.i, reason: "trailing bytes") }
        s.restoreSeq(seq)
        s.restoreHighest(highest)
        return SnapshotFile.Loaded(snapshot: s, journalId: journalId, journalOffset: offset, journalLine: line)
    }

    /// Which records of the child groups a reader restores (it skips the others).
    enum GroupPart: Sendable { case contacts, activity }

    /// Restores one part of the child groups on a thread of its own (see `decodeBody`).
    /// The reader's bytes must stay valid until `result()` has returned.
    private final class GroupsThread: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var outcome: Result<(Snapshot, Int), Error> = .failure(ByteReader.Damaged(offset: 0, reason: "not read"))
        /// Where the child groups start (the bytes are only read).
        private let reader: ByteReader
        private let part: GroupPart
        private let transactions: Int, interactions: Int, contacts: Int

        init(reader: ByteReader, part: GroupPart, transactions: Int, interactions: Int, contacts: Int) {
            self.reader = reader
            self.part = part
            self.transactions = transactions
            self.interactions = interactions
            self.contacts = contacts
            let thread = Thread { [self] in
                outcome = Result {
                    var r = self.reader
                    var t = Snapshot()
                    t.reserve(customers: 0, contacts: self.contacts, transactions: self.transactions, interactions: self.interactions)
                    try BinarySnapshot.decodeGroups(&r, into: &t, part: self.part)
                    return (t, r.i)
                }
                done.signal()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }

        /// The restored records and the offset after the child groups (waits for the thread).
        func result() -> Result<(Snapshot, Int), Error> {
            done.wait()
            return outcome
        }
    }

    /// The child groups: restores one part of them (the records of the other are skipped).
    private static func decodeGroups(_ r: inout ByteReader, into s: inout Snapshot, part: GroupPart) throws {
        let activity = part == .activity
        // Transactions and interactions go straight into their stored rows (SnapshotLoader):
        // strings stay references into the table until each becomes a pool code, once.
        var loader = SnapshotLoader(strings: r.table)
        var contacts: [Contact] = [], by: [String?] = []
        var transactions: [SnapshotLoader.Transaction] = [], interactions: [SnapshotLoader.Interaction] = []
        for _ in 0..<(try r.int()) {
            let cref = try r.refIndex()
            guard cref > 0 else { throw ByteReader.Damaged(offset: r.i, reason: "child group without a customer id") }
            let cid = r.table[cref - 1]
            let np = try r.int()
            if np > 0 && activity {
                for _ in 0..<np { try skipContact(&r) }
            } else if np > 0 {
                contacts.removeAll(keepingCapacity: true); by.removeAll(keepingCapacity: true)
                for _ in 0..<np {
                    var c = Contact(id: try r.id(letter: Contact.idLetter), customerId: cid)
                    c.version = try r.int(); by.append(try r.ref())
                    c.name = try r.ref() ?? ""; c.title = try r.ref(); c.phone = try r.ref(); c.mobile = try r.ref()
                    c.email = try r.ref(); c.wechat = try r.ref(); c.notes = try r.ref()
                    contacts.append(c)
                }
                try s.restore(contacts: contacts, lastBy: by, of: cid)
            }
            let nt = try r.int()
            if nt > 0 && !activity {
                for _ in 0..<nt { try skipTransaction(&r) }
            } else if nt > 0 {
                transactions.removeAll(keepingCapacity: true)
                for _ in 0..<nt {
                    let (number, id) = try r.numberedId(letter: Transaction.idLetter)
                    let version = try r.int(), lastBy = try r.refIndex()
                    let date = Int32(truncatingIfNeeded: try r.signed()), minor = try r.signed()
                    let currency = try r.refIndex(), product = try r.refIndex()
                    let quantity: Int64? = try r.byte() == 1 ? try r.signed() : nil
                    transactions.append(SnapshotLoader.Transaction(number: number, id: id, version: version, lastBy: lastBy, date: date, minor: minor,
                                                                   currency: currency, product: product, quantityMilli: quantity, note: try r.refIndex()))
                }
                try s.restore(transactions, of: cref, loader: &loader)
            }
            let ni = try r.int()
            if ni > 0 && !activity {
                for _ in 0..<ni { try skipInteraction(&r) }
            } else if ni > 0 {
                interactions.removeAll(keepingCapacity: true)
                for _ in 0..<ni {
                    let (number, id) = try r.numberedId(letter: Interaction.idLetter)
                    let version = try r.int(), lastBy = try r.refIndex(), at = try r.signed()
                    let channel = try r.refIndex(), note = try r.refIndex(), who = try r.refIndex()
                    let k = try r.byte()
                    interactions.append(SnapshotLoader.Interaction(number: number, id: id, version: version, lastBy: lastBy, at: at, channel: channel, note: note, by: who,
                                                                   kind: k == 0 ? .contact : (k == 1 ? .feedback : .complaint)))
                }
                try s.restore(interactions, of: cref, loader: &loader)
            }
        }
    }

    // Skipping a record reads the same fields as decoding it (see `encode`), making nothing.

    private static func skipId(_ r: inout ByteReader) throws(ByteReader.Damaged) {
        if try r.varint() == 0 { _ = try r.varint() }
    }

    private static func skipCustomer(_ r: inout ByteReader) throws(ByteReader.Damaged) {
        try skipId(&r)
        _ = try r.varint(); _ = try r.varint()          // version, changed by
        let mask = try r.varint()
        _ = try r.varint()                              // name
        for bit in 0..<20 where mask & (1 << UInt64(bit)) != 0 { _ = try r.varint() }
        if mask & (1 << 20) != 0 { _ = try r.varint() }
        if mask & (1 << 21) != 0 { _ = try r.varint() }
        if mask & (1 << 22) != 0 { _ = try r.byte() }
        if mask & (1 << 24) != 0 { _ = try r.varint() }
        if mask & (1 << 25) != 0 { for _ in 0..<(try r.int()) { _ = try r.varint() } }
        if mask & (1 << 26) != 0 { for _ in 0..<(try r.int()) { _ = try r.varint(); _ = try r.varint() } }
        _ = try r.varint(); _ = try r.varint()          // created, updated
    }

    private static func skipContact(_ r: inout ByteReader) throws(ByteReader.Damaged) {
        try skipId(&r)
        for _ in 0..<9 { _ = try r.varint() }           // version, changed by, seven texts
    }

    private static func skipTransaction(_ r: inout ByteReader) throws(ByteReader.Damaged) {
        try skipId(&r)
        for _ in 0..<6 { _ = try r.varint() }           // version, changed by, date, amount, currency, product
        if try r.byte() == 1 { _ = try r.varint() }     // quantity
        _ = try r.varint()                              // note
    }

    private static func skipInteraction(_ r: inout ByteReader) throws(ByteReader.Damaged) {
        try skipId(&r)
        for _ in 0..<6 { _ = try r.varint() }           // version, changed by, at, channel, note, by
        _ = try r.byte()                                // kind
    }

    /// The fields of a customer after its id (read by the caller); returns who last changed it.
    private static func decodeCustomer(_ r: inout ByteReader, into c: inout Customer) throws -> String? {
        c.version = try r.int()
        let by = try r.ref()
        let mask = try r.varint()
        c.name = try r.ref() ?? ""
        func text(_ bit: Int) throws -> String? { mask & (1 << UInt64(bit)) != 0 ? try r.ref() : nil }
        c.externalId = try text(0); c.region = try text(1); c.nature = try text(2); c.source = try text(3)
        c.category = try text(4); c.industry = try text(5); c.contactStrategy = try text(6); c.purchaseStrategy = try text(7)
        c.scale = try text(8); c.yearsInBusiness = try text(9); c.standing = try text(10); c.settlement = try text(11)
        c.phone = try text(12); c.fax = try text(13); c.email = try text(14); c.website = try text(15)
        c.address = try text(16); c.postcode = try text(17); c.owner = try text(18); c.notes = try text(19)
        if mask & (1 << 20) != 0 { c.credit = Int(try r.signed()) }
        if mask & (1 << 21) != 0 { c.employees = Int(try r.signed()) }
        if mask & (1 << 22) != 0 { c.wantsAgency = try r.byte() == 1 }
        c.locked = mask & (1 << 23) != 0
        if mask & (1 << 24) != 0 { c.ownerSince = LocalDate(days: Int32(truncatingIfNeeded: try r.signed())) }
        if mask & (1 << 25) != 0 {
            let n = try r.int()
            c.tags.reserveCapacity(n)
            for _ in 0..<n { c.tags.append(try r.string()) }
        }
        if mask & (1 << 26) != 0 {
            for _ in 0..<(try r.int()) { let k = try r.string(); c.custom[k] = try r.string() }
        }
        c.createdAt = Timestamp(millis: try r.signed())
        c.updatedAt = Timestamp(millis: try r.signed())
        return by
    }
}
