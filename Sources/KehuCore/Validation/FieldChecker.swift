/// Checks the field values of a change against the field kinds and the system
/// dictionary. Errors name the field and, for dictionary fields, the allowed values.
public struct FieldChecker: Sendable {
    public let snapshot: Snapshot

    public init(snapshot: Snapshot) { self.snapshot = snapshot }

    public func check(_ change: Change) -> [ChangeError] {
        switch Entity(rawValue: change.entity) {
        case .customer: return checkCustomer(change)
        case .contact: return checkContact(change)
        case .transaction: return checkTransaction(change)
        case .interaction: return checkInteraction(change)
        case .dictionary: return checkDictionary(change)
        default: return []
        }
    }

    private func err(_ c: Change, _ field: String, _ reason: String) -> ChangeError {
        .invalid(entity: c.entity, id: c.id, field: field, reason: reason)
    }

    /// Checks one customer field's value; returns the reason it is wrong, or nil.
    public func reason(_ field: CustomerField, _ value: Value) -> String? {
        if value.isNull { return field == .name ? "is required" : nil }
        let s = value.stringValue ?? ""
        if s.isEmpty && field != .tags {
            return field == .name ? "is required" : nil
        }
        switch field.kind {
        case .dictionary(let kind):
            if snapshot.dictionary.contains(kind, s) { return nil }
            let allowed = snapshot.dictionary.entries(kind).map(\.code).joined(separator: ", ")
            return "'\(s)' is not in the dictionary (\(kind.label.zh)); allowed: \(allowed)"
        case .credit:
            guard let n = value.intValue else { return "credit is a whole number of stars, 1–5" }
            return Validators.credit(n)
        case .integer:
            guard let n = value.intValue, n >= 0 else { return "'\(s)' is not a whole number ≥ 0" }
            return nil
        case .boolean:
            return value.boolValue == nil ? "'\(s)' is not yes/no (是/否)" : nil
        case .phone: return Validators.phone(s)
        case .email: return Validators.email(s)
        case .url: return Validators.url(s)
        case .postcode: return Validators.postcode(s)
        case .date: return LocalDate(s) == nil ? "'\(s)' is not a date (YYYY-MM-DD)" : nil
        case .login:
            // Bytes: a login is ASCII letters, digits and `._-` (Characters cost a grapheme walk per cell).
            return s.utf8.allSatisfy({ ASCIIText.isAlnum($0) || $0 == 46 || $0 == 95 || $0 == 45 }) ? nil : "'\(s)' is not a login name"
        case .text, .multiline, .tags, .timestamp: return nil
        }
    }

    private func checkCustomer(_ c: Change) -> [ChangeError] {
        var out: [ChangeError] = []
        if c.op == .create, (c.fields["name"]?.stringValue ?? "").isEmpty { out.append(err(c, "name", "is required")) }
        eachField(c, &out) { k, v in
            if k.hasPrefix("custom.") { return nil }
            guard let f = CustomerField.byKey[k] else { return "unknown field" }
            return reason(f, v)
        }
        if let ext = c.fields["externalId"]?.stringValue, !ext.isEmpty,
           let other = snapshot.customerByExternalId[ext], other != c.id {
            out.append(err(c, "externalId", "'\(ext)' is already used by \(other)"))
        }
        return out
    }

    /// Runs `reason` on every field and reports the failures in key order (as
    /// users read them), without sorting the fields of a valid change: an import
    /// checks millions of them.
    private func eachField(_ c: Change, _ out: inout [ChangeError], _ reason: (String, Value) -> String?) {
        var failed: [(String, String)] = []
        for (k, v) in c.fields { if let r = reason(k, v) { failed.append((k, r)) } }
        for (k, r) in failed.sorted(by: { $0.0 < $1.0 }) { out.append(err(c, k, r)) }
    }

    private func checkCustomerRef(_ c: Change, _ out: inout [ChangeError]) {
        if let cid = c.fields["customer"]?.stringValue {
            if !snapshot.customers.contains(id: cid) { out.append(err(c, "customer", "no customer \(cid)")) }
        } else if c.op == .create {
            out.append(err(c, "customer", "is required"))
        }
    }

    private func checkContact(_ c: Change) -> [ChangeError] {
        var out: [ChangeError] = []
        checkCustomerRef(c, &out)
        if c.op == .create, (c.fields["name"]?.stringValue ?? "").isEmpty { out.append(err(c, "name", "is required")) }
        eachField(c, &out) { k, v in
            guard Contact.fields.contains(k) else { return "unknown field" }
            guard let s = v.stringValue, !s.isEmpty else { return nil }
            switch k {
            case "phone", "mobile": return Validators.phone(s)
            case "email": return Validators.email(s)
            default: return nil
            }
        }
        return out
    }

    private func checkTransaction(_ c: Change) -> [ChangeError] {
        var out: [ChangeError] = []
        checkCustomerRef(c, &out)
        if c.op == .create {
            for k in ["date", "amount"] where (c.fields[k]?.stringValue ?? "").isEmpty { out.append(err(c, k, "is required")) }
        }
        eachField(c, &out) { k, v in
            guard Transaction.fields.contains(k) else { return "unknown field" }
            guard let s = v.stringValue, !s.isEmpty else { return nil }
            switch k {
            case "date": return LocalDate(s) == nil ? "'\(s)' is not a date (YYYY-MM-DD)" : nil
            case "amount": return Money(parsing: s) == nil ? "'\(s)' is not an amount (e.g. 1234.50)" : nil
            case "quantity": return Money(parsing: s) == nil ? "'\(s)' is not a number" : nil
            case "currency":
                return s.utf8.count == 3 && s.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) ? nil : "'\(s)' is not a currency code (CNY, USD, …)"
            default: return nil
            }
        }
        return out
    }

    private func checkInteraction(_ c: Change) -> [ChangeError] {
        var out: [ChangeError] = []
        checkCustomerRef(c, &out)
        if c.op == .create, (c.fields["at"]?.stringValue ?? "").isEmpty { out.append(err(c, "at", "is required")) }
        eachField(c, &out) { k, v in
            guard Interaction.fields.contains(k) else { return "unknown field" }
            guard let s = v.stringValue, !s.isEmpty else { return nil }
            switch k {
            case "at": return Timestamp(s) == nil ? "'\(s)' is not a timestamp (2026-01-31T09:30:00Z)" : nil
            case "kind": return Interaction.Kind(rawValue: s) == nil ? "'\(s)' is not one of contact, feedback, complaint" : nil
            case "channel":
                guard !snapshot.dictionary.contains(.channel, s) else { return nil }
                let allowed = snapshot.dictionary.entries(.channel).map(\.code).joined(separator: ", ")
                return "'\(s)' is not in the dictionary (\(DictionaryKind.channel.label.zh)); allowed: \(allowed)"
            default: return nil
            }
        }
        return out
    }

    private func checkDictionary(_ c: Change) -> [ChangeError] {
        guard let id = c.id else { return [err(c, "id", "is required")] }
        let parts = id.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, let kind = DictionaryKind(rawValue: String(parts[0])) else {
            let kinds = DictionaryKind.allCases.map(\.rawValue).joined(separator: ", ")
            return [err(c, "id", "expected KIND/CODE with KIND one of \(kinds)")]
        }
        var out: [ChangeError] = []
        if kind.hasCycle, c.op == .create {
            if (c.fields["cycleDays"]?.intValue ?? 0) <= 0 { out.append(err(c, "cycleDays", "a strategy needs a cycle of at least one day")) }
        }
        if let v = c.fields["cycleDays"], !v.isNull, (v.intValue ?? 0) <= 0 {
            out.append(err(c, "cycleDays", "must be a whole number of days ≥ 1"))
        }
        return out
    }
}
