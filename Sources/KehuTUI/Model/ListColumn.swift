import KehuCore

/// The columns of the customer list, in display order.
public enum ListColumn: String, CaseIterable, Sendable {
    case name, region, category, owner, credit, lastDeal, nextFollowUp, amount

    public var label: Label {
        switch self {
        case .name: return Label(zh: "客户名称", en: "Name")
        case .region: return Label(zh: "区域", en: "Region")
        case .category: return Label(zh: "类别", en: "Category")
        case .owner: return Label(zh: "负责人", en: "Owner")
        case .credit: return Label(zh: "信用", en: "Credit")
        case .lastDeal: return Label(zh: "最近交易", en: "Last deal")
        case .nextFollowUp: return Label(zh: "下次跟进", en: "Follow-up")
        case .amount: return Label(zh: "交易金额", en: "Amount")
        }
    }

    /// Narrowest useful width in cells.
    var minWidth: Int {
        switch self {
        case .name: return 22
        case .region: return 5
        case .owner: return 6
        case .category: return 8
        case .credit: return 6
        case .lastDeal, .nextFollowUp: return 10
        case .amount: return 14
        }
    }

    /// Width it gets when there is room.
    var idealWidth: Int {
        switch self {
        case .name: return 44
        case .region: return 8
        case .category: return 14
        case .owner: return 9
        default: return minWidth
        }
    }

    /// Which columns go first when the terminal is narrow (higher stays longer).
    var priority: Int {
        switch self {
        case .name: return 100
        case .amount: return 70
        case .nextFollowUp: return 60
        case .lastDeal: return 50
        case .credit: return 40
        case .region: return 35
        case .owner: return 30
        case .category: return 20
        }
    }

    var alignment: TextFit.Alignment { self == .amount ? .right : .left }
}
