/// The utilities a site connects to (contract §3.6).
public enum UtilityKind: String, Sendable, Codable, CaseIterable {
    case power, sewage, water

    /// 电力 / 污水 / 供水.
    public var chineseName: String {
        switch self {
        case .power: "电力"
        case .sewage: "污水"
        case .water: "供水"
        }
    }
}

/// A resource checked in contract §3.7. A sewage plant carries two: wastewater and COD.
public enum CapacityKind: String, Sendable, Codable, CaseIterable {
    case power, water, sewage, cod

    public var unit: String {
        switch self {
        case .power: "MW"
        case .water, .sewage: "m³/day"
        case .cod: "kg/day"
        }
    }

    /// 电力 / 供水 / 污水 / COD.
    public var chineseName: String {
        switch self {
        case .power: "电力"
        case .water: "供水"
        case .sewage: "污水"
        case .cod: "COD"
        }
    }
}
