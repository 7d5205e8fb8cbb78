import ParkModel

/// One capacity checked in contract §3.7: a node and a kind (a sewage plant has `sewage` and,
/// when it sets a COD limit, `cod`). The planning model, the heuristics, the diagnosis and the
/// readiness checklist all read capacities through this type.
public struct Resource: Sendable, Equatable {
    public let node: Int
    public let kind: CapacityKind
    /// Capacity in the kind's unit before `reserve`, from the node's ready period.
    public let base: Double
    public let readyPeriod: Int
    /// `1 - reserve` (power) or 1.
    public let usableFactor: Double
    /// (expansion, amount added before `reserve`), nonzero amounts only, in expansion order.
    public let additions: [(expansion: Int, amount: Double)]

    public static func == (a: Resource, b: Resource) -> Bool { a.node == b.node && a.kind == b.kind }

    /// Usable capacity at `t` with only the base (a lower bound: expansions only add).
    public func baseUsable(at t: Int) -> Double { t >= readyPeriod ? usableFactor * base : 0 }

    /// What expansion `e` adds to this resource, before `reserve` (0 when nothing).
    public func addition(of e: Int) -> Double {
        additions.first { $0.expansion == e }?.amount ?? 0
    }
}

extension PlanningInstance {
    /// Every (node, kind) of contract §3.7 in node order; COD only where the plant sets it.
    static func resources(nodes: [NodeInfo], expansions: [ExpansionInfo]) -> [Resource] {
        var result: [Resource] = []
        for (n, node) in nodes.enumerated() {
            func additions(_ pick: (Double, Double) -> Double) -> [(expansion: Int, amount: Double)] {
                expansions.enumerated().compactMap { e, info in
                    guard case .node(let target, let capacity, let cod) = info.target, target == n else { return nil }
                    let amount = pick(capacity, cod)
                    return amount != 0 ? (e, amount) : nil
                }
            }
            let kind: CapacityKind =
                switch node.kind {
                case .power: .power
                case .water: .water
                case .sewage: .sewage
                }
            result.append(
                Resource(
                    node: n, kind: kind, base: node.baseCapacity, readyPeriod: node.readyPeriod,
                    usableFactor: node.usableFactor, additions: additions { c, _ in c }))
            if node.kind == .sewage, let cod = node.baseCOD {
                result.append(
                    Resource(
                        node: n, kind: .cod, base: cod, readyPeriod: node.readyPeriod,
                        usableFactor: 1, additions: additions { _, c in c }))
            }
        }
        return result
    }
}
