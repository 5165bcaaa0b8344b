import KehuStore

/// Opens the interactive workstation on a store. Wired to KehuTUI.
func openWorkstation(_ store: any Store, lang: String?, theme: String?) throws {
    throw FieldInput.Problem(description: "the workstation is not part of this build yet; use kehu list / kehu show")
}
