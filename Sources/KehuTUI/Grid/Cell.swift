/// One terminal cell of a `Grid`.
///
/// `text` is one cell unit (a scalar of width ≥ 1 plus the zero-width scalars
/// on it, see `DisplayWidth.units`), already sanitised. A wide unit occupies
/// its cell and the next one; the next one is a *continuation* (`width == 0`,
/// empty text) that the terminal adapter skips.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var width: UInt8
    public var role: Role

    public init(text: String = " ", width: UInt8 = 1, role: Role = .normal) {
        self.text = text; self.width = width; self.role = role
    }

    public static let blank = Cell()
    public var isContinuation: Bool { width == 0 }
}
