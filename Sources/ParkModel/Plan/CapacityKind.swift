/// The utilities a site connects to (contract §3.6).
public enum UtilityKind: String, Sendable, Codable, CaseIterable {
    case power, sewage, water
}

/// A resource checked in SPEC §3.7. A sewage plant carries two: wastewater and COD.
public enum CapacityKind: String, Sendable, Codable, CaseIterable {
    case power, water, sewage, cod

    public var unit: String {
        switch self {
        case .power: "MW"
        case .water, .sewage: "m³/day"
        case .cod: "kg/day"
        }
    }
}
