import KehuCore

/// Resolves what a user typed as a record id: `C12`/`c12`, `P3`, `T40`, `I7`, `R5`,
/// or a customer's external id (客户编号).
enum RecordRef {
    static func resolve(_ text: String, in snapshot: Snapshot) throws -> (Entity, String) {
        let up = text.uppercased()
        if let e = Entity.forPrefix(up), e.idPrefix != nil, up.dropFirst().allSatisfy(\.isNumber), up.count > 1 {
            guard snapshot.version(entity: e.rawValue, id: up) != nil else { throw FieldInput.Problem(description: "\(e.rawValue) \(up): not found") }
            return (e, up)
        }
        if let c = snapshot.customer(text) { return (.customer, c.id) }
        throw FieldInput.Problem(description: "\(text): no record with this id or external id")
    }
}
