import Foundation
import KehuCore

/// Builds forms from the store's data and turns a filled form into the one
/// change its save commits. Validation is KehuCore's `FieldChecker` on that
/// change, so the form and the store can never disagree about what is valid.
public enum FormBuilder {
    /// Customer fields a user edits (system fields are set by the store).
    static let customerFields: [CustomerField] = [
        .name, .externalId, .region, .nature, .source, .category, .industry, .credit, .contactStrategy,
        .purchaseStrategy, .employees, .scale, .yearsInBusiness, .standing, .settlement, .wantsAgency,
        .phone, .fax, .email, .website, .address, .postcode, .owner, .tags, .notes, .locked,
    ]

    /// A customer's field as the form edits it (codes for pick-lists, `a, b` for tags).
    public static func formValue(_ c: Customer, _ f: CustomerField) -> String {
        switch f {
        case .tags: return c.tags.joined(separator: ", ")
        case .wantsAgency: return c.wantsAgency.map { $0 ? "true" : "false" } ?? ""
        case .locked: return c.locked ? "true" : "false"
        default: return c[f].stringValue ?? ""
        }
    }

    static func field(_ f: CustomerField, _ value: String, _ dict: SystemDictionary) -> FormField {
        var kind = FormField.Kind.text
        let none = PickOption("", Label(zh: "", en: ""))
        switch f.kind {
        case .dictionary(let k):
            var opts = [none] + dict.entries(k).map { PickOption($0.code, $0.label) }
            if !value.isEmpty, !opts.contains(where: { $0.code == value }) { opts.append(PickOption(value, Label(zh: value, en: value))) }
            kind = .pick(opts)
        case .credit:
            kind = .pick([none] + (1...5).map { PickOption(String($0), Label(zh: String(repeating: "★", count: $0), en: String(repeating: "★", count: $0))) })
        case .boolean:
            let yn = [PickOption("true", Label(zh: "是", en: "yes")), PickOption("false", Label(zh: "否", en: "no"))]
            kind = .pick(f == .locked ? yn : [none] + yn)
        default: break
        }
        return FormField(key: f.rawValue, label: f.label, kind: kind, value: value, required: f == .name)
    }

    public static func newCustomer(_ s: AppState) -> FormState {
        var fields = customerFields.map { field($0, "", s.snapshot.dictionary) }
        if let i = fields.firstIndex(where: { $0.key == "owner" }) { fields[i].input = LineInput(s.user) }
        if let i = fields.firstIndex(where: { $0.key == "locked" }) { fields[i].input = LineInput("false"); fields[i].original = "false" }
        return validated(FormState(target: .newCustomer, title: Label(zh: Catalog.text(.formNewCustomer, .zh), en: Catalog.text(.formNewCustomer, .en)), fields: fields), s.snapshot, user: s.user, clock: s.clock)
    }

    public static func editCustomer(_ c: Customer, _ s: AppState) -> FormState {
        let fields = customerFields.map { field($0, formValue(c, $0), s.snapshot.dictionary) }
        let title = Label(zh: Catalog.text(.formEditCustomer, .zh, ["\(c.id) \(c.name)"]), en: Catalog.text(.formEditCustomer, .en, ["\(c.id) \(c.name)"]))
        return validated(FormState(target: .editCustomer(id: c.id, base: c.version), title: title, fields: fields), s.snapshot, user: s.user, clock: s.clock)
    }

    /// Channel first (a pick-list), then the note: logging a call is `i`, `→`, Tab, typing, Ctrl-S.
    public static func interaction(_ c: Customer, _ s: AppState) -> FormState {
        let dict = s.snapshot.dictionary
        let channels = dict.entries(.channel).map { PickOption($0.code, $0.label) }
        let kinds = Interaction.Kind.allCases.map { PickOption($0.rawValue, $0.label) }
        let fields = [
            FormField(key: "channel", label: DictionaryKind.channel.label, kind: .pick(channels), value: channels.first?.code ?? ""),
            FormField(key: "note", label: Label(zh: "内容", en: "Note"), value: "", required: true),
            FormField(key: "kind", label: Label(zh: "类型", en: "Kind"), kind: .pick(kinds), value: "contact"),
            FormField(key: "at", label: Label(zh: "时间", en: "When"), value: s.clock.minute(s.clock.now)),
        ]
        let title = Label(zh: Catalog.text(.formInteraction, .zh, [c.name]), en: Catalog.text(.formInteraction, .en, [c.name]))
        return validated(FormState(target: .interaction(customerId: c.id), title: title, fields: fields), s.snapshot, user: s.user, clock: s.clock)
    }

    public static func transaction(_ c: Customer, _ s: AppState) -> FormState {
        let fields = [
            FormField(key: "date", label: Label(zh: "日期", en: "Date"), value: s.clock.today.description, required: true),
            FormField(key: "amount", label: Label(zh: "金额", en: "Amount"), value: "", required: true),
            FormField(key: "product", label: Label(zh: "产品", en: "Product")),
            FormField(key: "quantity", label: Label(zh: "数量", en: "Quantity")),
            FormField(key: "note", label: Label(zh: "备注", en: "Note")),
        ]
        let title = Label(zh: Catalog.text(.formTransaction, .zh, [c.name]), en: Catalog.text(.formTransaction, .en, [c.name]))
        return validated(FormState(target: .transaction(customerId: c.id), title: title, fields: fields), s.snapshot, user: s.user, clock: s.clock)
    }

    /// The change a save commits, or nil when an edit changed nothing.
    public static func change(_ f: FormState, snapshot: Snapshot, user: String, clock: Clock) -> Change? {
        func value(_ field: FormField) -> Value {
            let v = field.value.trimmingSpaces()
            if v.isEmpty { return .null }
            switch field.key {
            case "tags":
                return .array(v.split(whereSeparator: { $0 == "," || $0 == "," || $0 == ";" }).map { .string(String($0).trimmingSpaces()) }.filter { $0 != .string("") })
            case "credit", "employees": return Int64(v).map(Value.int) ?? .string(v)
            case "wantsAgency", "locked": return .bool(v == "true")
            default: return .string(v)
            }
        }
        switch f.target {
        case .newCustomer:
            var fields: [String: Value] = [:]
            for field in f.fields { let v = value(field); if !v.isNull { fields[field.key] = v } }
            return .create(.customer, fields)
        case let .editCustomer(id, base):
            var fields: [String: Value] = [:]
            for field in f.fields where field.changed { fields[field.key] = value(field) }
            return fields.isEmpty ? nil : .update(.customer, id: id, base: base, fields)
        case let .interaction(cid):
            var fields: [String: Value] = ["customer": .string(cid), "by": .string(user)]
            for field in f.fields {
                if field.key == "at" {
                    fields["at"] = parseMinute(field.value, clock: clock).map { .string($0.description) } ?? .string(field.value)
                } else {
                    let v = value(field); if !v.isNull { fields[field.key] = v }
                }
            }
            return .create(.interaction, fields)
        case let .transaction(cid):
            var fields: [String: Value] = ["customer": .string(cid)]
            for field in f.fields {
                let v = value(field); if v.isNull { continue }
                if field.key == "amount", let m = Money(parsing: field.value) { fields["amount"] = .string(m.plain); continue }
                fields[field.key] = v
            }
            return .create(.transaction, fields)
        }
    }

    /// `2026-11-25 14:03` in the store's zone → an instant; a plain date means midnight.
    static func parseMinute(_ text: String, clock: Clock) -> Timestamp? {
        let t = text.trimmingSpaces()
        let iso = t.count == 10 ? t + "T00:00:00Z" : (t.count == 16 ? t.replacing(" ", with: "T") + ":00Z" : t)
        guard let local = Timestamp(iso) else { return nil }
        // The text is local time: shift by the zone's offset at that moment.
        let offsetMillis = Int64(clock.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local.millis) / 1000))) * 1000
        return Timestamp(millis: local.millis - offsetMillis)
    }

    /// Stands for "required" in `FormState.errors`; the form shows it in the UI language.
    public static let requiredMarker = "\u{0}required"

    /// Re-runs `FieldChecker` on the change the form would commit; errors go next to their fields.
    public static func validated(_ f: FormState, _ snapshot: Snapshot, user: String, clock: Clock) -> FormState {
        var f = f
        f.errors = [:]
        for field in f.fields where field.required && field.value.trimmingSpaces().isEmpty {
            f.errors[field.key] = requiredMarker
        }
        if case .interaction = f.target, let at = f.fields.first(where: { $0.key == "at" }), parseMinute(at.value, clock: clock) == nil {
            f.errors["at"] = "'\(at.value)' is not a time (YYYY-MM-DD HH:MM)"
        }
        if let change = change(f, snapshot: snapshot, user: user, clock: clock) {
            for e in FieldChecker(snapshot: snapshot).check(change) {
                if case let .invalid(_, _, field, reason) = e, f.errors[field] == nil { f.errors[field] = reason }
            }
        }
        return f
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\u{3000}" || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\u{3000}" || c == "\t" { s = s.dropLast() }
        return String(s)
    }
}
