import KehuCore

/// One line of the duplicates pane's side-by-side view.
public struct MergeRow: Sendable, Equatable {
    public enum Side: Sendable, Equatable { case left, right }

    /// A customer field key (`phone`, `custom.税号`), or `contacts` / `counts` for the information rows.
    public var key: String
    public var label: String
    public var left: String
    public var right: String
    /// The user can choose which side's value the merged customer keeps.
    public var pickable: Bool
    /// The side whose value the merged customer keeps; nil when both are kept or moved (tags, contacts, counts).
    public var kept: Side?
}

/// Lays a `DedupReview` out as rows for the pane, and turns the user's choices
/// into the `MergePlan` that `kehu merge` also uses — so the pane shows exactly
/// what the merge will write.
public enum MergeRows {
    /// The fields a person compares first; the rest follow in the customer form's order.
    static let leading: [String] = ["name", "contacts", "phone", "email", "address", "postcode", "region", "owner", "counts"]
    /// Fields the plan sets by itself: tags are united, `ownerSince` follows the owner.
    static let automatic: Set<String> = ["tags", "ownerSince"]

    /// The default survivor for a pair, and a fresh choice.
    public static func initialChoice(_ review: DedupReview) -> DuplicatesState.Choice {
        DuplicatesState.Choice(survivor: review.suggestedSurvivor)
    }

    public static func rows(_ review: DedupReview, choice: DuplicatesState.Choice, snapshot: Snapshot, lang: Language) -> [MergeRow] {
        let l = review.left, r = review.right
        let survivorIsLeft = choice.survivor == l.id
        let (sv, av) = survivorIsLeft ? (l.fieldValues, r.fieldValues) : (r.fieldValues, l.fieldValues)
        func has(_ v: Value?) -> Bool { v != nil && v != .null && v != .string("") }
        func text(_ c: Customer, _ key: String) -> String {
            if key.hasPrefix("custom.") { return c.custom[String(key.dropFirst(7))] ?? "" }
            return CustomerField(rawValue: key).map { DetailModel.fieldText(c, $0, snapshot, lang) } ?? ""
        }
        func label(_ key: String) -> String {
            switch key {
            case "contacts": return Catalog.text(.sectionContacts, lang)
            case "counts": return Catalog.text(.dupCounts, lang)
            default: return key.hasPrefix("custom.") ? String(key.dropFirst(7)) : (CustomerField(rawValue: key)?.label.text(lang) ?? key)
            }
        }
        var out: [MergeRow] = []
        var fieldRows: [String: MergeRow] = [:]
        for row in review.rows {
            let a = text(l, row.field), b = text(r, row.field)
            guard !a.isEmpty || !b.isEmpty else { continue }
            let pickable = a != b && !automatic.contains(row.field)
            var kept: MergeRow.Side? = nil
            if pickable {
                let keeper: String
                if let picked = choice.picks[row.field] { keeper = picked }
                else { keeper = has(sv[row.field]) || !has(av[row.field]) ? choice.survivor : (survivorIsLeft ? r.id : l.id) }
                kept = keeper == l.id ? .left : .right
            }
            fieldRows[row.field] = MergeRow(key: row.field, label: label(row.field), left: a, right: b, pickable: pickable, kept: kept)
        }
        let sep = lang == .zh ? "、" : ", "
        let contacts = MergeRow(key: "contacts", label: label("contacts"),
                                left: snapshot.contacts(of: l.id).map(\.name).joined(separator: sep),
                                right: snapshot.contacts(of: r.id).map(\.name).joined(separator: sep), pickable: false, kept: nil)
        func counts(_ c: (contacts: Int, transactions: Int, interactions: Int)) -> String {
            Catalog.text(.dupCountsValue, lang, [c.transactions, c.interactions])
        }
        let countRow = MergeRow(key: "counts", label: label("counts"), left: counts(review.leftCounts), right: counts(review.rightCounts),
                                pickable: false, kept: nil)
        for key in leading {
            switch key {
            case "contacts": if !contacts.left.isEmpty || !contacts.right.isEmpty { out.append(contacts) }
            case "counts": out.append(countRow)
            default: if let row = fieldRows.removeValue(forKey: key) { out.append(row) }
            }
        }
        for row in review.rows { if let r = fieldRows.removeValue(forKey: row.field) { out.append(r) } }
        return out
    }

    /// The merge the pane's choices describe.
    public static func plan(_ review: DedupReview, choice: DuplicatesState.Choice) -> MergePlan {
        var sides: [String: MergePlan.Side] = [:]
        for (field, id) in choice.picks { sides[field] = id == choice.survivor ? .survivor : .absorbed }
        return review.mergePlan(survivor: choice.survivor, choices: sides)
    }

    /// The first masked value (`138****8000`) a set of changes would write, as "field", or nil.
    ///
    /// In team mode the snapshot holds masked renderings of personal data the
    /// user may not see; a merge writes the absorbed customer's fields into the
    /// merge record and may copy values to the survivor, so writing one would
    /// replace real data with asterisks. Like the forms, the pane never writes one.
    public static func maskedField(_ changes: [Change]) -> String? {
        func find(_ v: Value, _ key: String) -> String? {
            switch v {
            case .string(let s): return AccessPolicy.looksMasked(s) ? key : nil
            case .array(let a): return a.lazy.compactMap { find($0, key) }.first
            case .object(let o): return o.sorted { $0.key < $1.key }.lazy.compactMap { find($0.value, $0.key) }.first
            default: return nil
            }
        }
        for c in changes {
            for (k, v) in c.fields.sorted(by: { $0.key < $1.key }) { if let f = find(v, k) { return f } }
        }
        return nil
    }
}
