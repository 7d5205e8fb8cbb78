import Foundation
import ParkModel

/// One point of a sweep as written to `sweep.json` and `sweep.csv` (no timings: a sweep's files
/// are the same on every run and every machine).
public struct SweepPoint: Codable, Sendable, Equatable {
    /// 1-based position in the whole sweep (first axis outermost).
    public var point: Int
    /// The value of each axis, as the `--set` text writes it.
    public var values: [String]
    /// optimal | feasible | infeasible | no_solution | invalid (the edited scenario has problems) | error
    public var status: String
    public var value: Double?
    public var bound: Double?
    public var gap: Double?
    public var parts: ValueParts?
    public var placements: Int
    public var unplaced: Int
    /// Built expansions as `ID@START`, in plan order.
    public var expansions: [String]
    /// Why there is no plan, or the first shortfall of an infeasible point.
    public var message: String?

    /// Whether the point has a plan with a value (optimal or feasible).
    public var hasValue: Bool { value != nil && (status == "optimal" || status == "feasible") }

    init(point: Int, values: [String], outcome: PointOutcome) {
        self.point = point; self.values = values
        placements = 0; unplaced = 0; expansions = []
        guard let plan = outcome.plan else {
            status = outcome.scenario == nil ? "invalid" : "error"
            message = outcome.problem
            return
        }
        status = plan.status.rawValue
        value = plan.value; bound = plan.bound; gap = plan.gap; parts = plan.valueParts
        placements = plan.placements.count; unplaced = plan.unplaced.count
        expansions = plan.expansions.map { "\($0.id)@\($0.start)" }
        if plan.status == .infeasible {
            message = plan.shortfalls.first.map { $0.message ?? "\($0.kind) at \($0.where)" } ?? "infeasible"
        } else if plan.status == .noSolution {
            message = "no plan within the time limit"
        }
    }
}

/// A sweep's outcome: its definition and the points solved (all of them, or one shard's).
public struct SweepResult: Codable, Sendable, Equatable {
    public var format: String = "parkplan-sweep/1"
    public var scenario: String
    public var variant: String?
    /// The plain `--set` options applied to every point (before the axis values).
    public var sets: [String]
    public var axes: [SweepAxis]
    /// "K/N" for a shard's output; nil for a whole sweep (a single run or a merge).
    public var shard: String?
    /// The park's currency (sweep.html names it); nil in files written before it was recorded.
    public var currency: String?
    /// Seconds allowed per point (`--time-limit`); nil when not recorded or when merged shards
    /// disagree.
    public var timeLimitSeconds: Double?
    public var points: [SweepPoint]

    enum CodingKeys: String, CodingKey {
        case format, scenario, variant, sets, axes, shard, currency, timeLimitSeconds = "time_limit_s", points
    }

    /// Points in the whole sweep (the product of the axes' lengths).
    public var totalPoints: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// The marginal value in currency units per unit of axis `axis` between `point` and its
    /// neighbour one step back along that axis; nil at the first value or when either has no value.
    public func marginal(of point: SweepPoint, along axis: Int) -> Double? {
        let position = point.point - 1
        let stride = axes[(axis + 1)...].reduce(1) { $0 * $1.values.count }
        guard (position / stride) % axes[axis].values.count > 0 else { return nil }
        let neighbourNumber = point.point - stride
        guard let neighbour = points.first(where: { $0.point == neighbourNumber }),
            point.hasValue, neighbour.hasValue, let v = point.value, let w = neighbour.value,
            let x = Double(point.values[axis]), let y = Double(neighbour.values[axis]), x != y
        else { return nil }
        return (v - w) / (x - y)
    }

    /// `sweep.json`: sorted keys, two-space indentation, ending in a newline.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    public static func decode(_ data: Data) throws -> SweepResult {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try decoder.decode(SweepResult.self, from: data)
    }

    /// Combines shards of one sweep into the whole sweep, equal to a single run's result.
    /// Throws when the parts belong to different sweeps, overlap or leave points out.
    public static func merge(_ parts: [(name: String, result: SweepResult)]) throws -> SweepResult {
        guard let first = parts.first else { throw SweepError("sweep merge: no folders given") }
        var byPoint: [Int: SweepPoint] = [:]
        var origin: [Int: String] = [:]
        for (name, part) in parts {
            guard part.format == first.result.format else {
                throw SweepError("\(name): format '\(part.format)', expected '\(first.result.format)'")
            }
            guard part.scenario == first.result.scenario, part.variant == first.result.variant,
                part.sets == first.result.sets, part.axes == first.result.axes
            else {
                throw SweepError(
                    "\(name): a different sweep from \(first.name) (scenario, variant, --set options or axes differ)")
            }
            for point in part.points {
                if let other = origin[point.point] {
                    throw SweepError("\(name): point \(point.point) is also in \(other)")
                }
                byPoint[point.point] = point; origin[point.point] = name
            }
        }
        var merged = first.result
        merged.shard = nil
        if parts.contains(where: { $0.result.timeLimitSeconds != first.result.timeLimitSeconds }) {
            merged.timeLimitSeconds = nil
        }
        let total = merged.totalPoints
        let missing = (1...total).filter { byPoint[$0] == nil }
        guard missing.isEmpty else {
            let shown = missing.prefix(10).map(String.init).joined(separator: ", ")
            throw SweepError(
                "sweep merge: \(missing.count) of \(total) points missing (\(shown)\(missing.count > 10 ? ", …" : "")); merge the output of every shard"
            )
        }
        merged.points = (1...total).compactMap { byPoint[$0] }
        return merged
    }
}
