/// The value lists of the system dictionary (系统字典), as `004_*.txt` names them
/// under 系统设置 → 系统字典.
public enum DictionaryKind: String, CaseIterable, Sendable, Codable {
    case region            // 区域
    case nature            // 客户性质
    case source            // 客户来源
    case category          // 客户类别
    case industry          // 行业
    case scale             // 销售规模
    case yearsInBusiness   // 从业时间
    case standing          // 行业地位
    case settlement        // 结算方式
    case channel           // 联系渠道
    case contactStrategy   // 联系策略 (with a cycle in days)
    case purchaseStrategy  // 购买策略 (with a cycle in days)

    public var label: Label {
        switch self {
        case .region: return Label(zh: "区域", en: "Region")
        case .nature: return Label(zh: "客户性质", en: "Nature")
        case .source: return Label(zh: "客户来源", en: "Source")
        case .category: return Label(zh: "客户类别", en: "Category")
        case .industry: return Label(zh: "行业", en: "Industry")
        case .scale: return Label(zh: "销售规模", en: "Scale")
        case .yearsInBusiness: return Label(zh: "从业时间", en: "Years in business")
        case .standing: return Label(zh: "行业地位", en: "Standing")
        case .settlement: return Label(zh: "结算方式", en: "Settlement terms")
        case .channel: return Label(zh: "联系渠道", en: "Channel")
        case .contactStrategy: return Label(zh: "联系策略", en: "Contact strategy")
        case .purchaseStrategy: return Label(zh: "购买策略", en: "Purchase strategy")
        }
    }

    /// Strategies carry a cycle in days; the other lists are plain labels.
    public var hasCycle: Bool { self == .contactStrategy || self == .purchaseStrategy }
}

/// A text in both UI languages.
public struct Label: Hashable, Sendable, Codable {
    public var zh: String
    public var en: String
    public init(zh: String, en: String) { self.zh = zh; self.en = en }
    public func text(_ lang: Language) -> String { lang == .zh ? zh : en }
}

/// The UI language.
public enum Language: String, CaseIterable, Sendable, Codable {
    case zh, en
}
