import Foundation

/// One swept parameter: a `--set` path and the values it takes, from `PATH=FROM..TO[/STEP]`.
public struct SweepAxis: Codable, Sendable, Equatable {
    /// The `--set` path, e.g. `power.S1.capacity_mw`.
    public var path: String
    /// The values in order, as the `--set` text writes them (e.g. "40", "40.5").
    public var values: [String]

    public init(path: String, values: [String]) { self.path = path; self.values = values }

    /// At most this many values per axis (and points per sweep).
    public static let maximumPoints = 10_000

    /// Whether `option` (`PATH=VALUE`) is a range rather than a plain `--set`.
    public static func isRange(_ option: String) -> Bool {
        guard let equals = option.firstIndex(of: "=") else { return false }
        return option[option.index(after: equals)...].contains("..")
    }

    /// Parses `PATH=FROM..TO[/STEP]` (numbers; STEP > 0, default 1). Throws `SweepError` with a
    /// sentence naming the option when it is malformed.
    public static func parse(_ option: String) throws -> SweepAxis {
        guard let equals = option.firstIndex(of: "=") else {
            throw SweepError("--set \(option): expected PATH=FROM..TO[/STEP]")
        }
        let path = String(option[..<equals]).trimmingCharacters(in: .whitespaces)
        let range = String(option[option.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty else { throw SweepError("--set \(option): the path before '=' is empty") }
        let stepParts = range.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard stepParts.count <= 2 else { throw SweepError("--set \(option): at most one '/STEP' after the range") }
        let bounds = stepParts[0].components(separatedBy: "..")
        guard bounds.count == 2, let from = number(bounds[0]), let to = number(bounds[1]) else {
            throw SweepError("--set \(option): expected FROM..TO with two numbers, e.g. \(path)=30..50/1")
        }
        var step = 1.0
        if stepParts.count == 2 {
            guard let s = number(stepParts[1]), s > 0 else {
                throw SweepError("--set \(option): STEP must be a number > 0, found '\(stepParts[1])'")
            }
            step = s
        }
        guard to >= from else { throw SweepError("--set \(option): TO (\(bounds[1])) is below FROM (\(bounds[0]))") }
        let count = Int(((to - from) / step + 1e-9).rounded(.down)) + 1
        guard count <= maximumPoints else {
            throw SweepError("--set \(option): \(count) values; at most \(maximumPoints) per sweep")
        }
        let values = (0..<count).map { format(from + Double($0) * step) }
        return SweepAxis(path: path, values: values)
    }

    private static func number(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }

    /// A number as `--set` text: integers without a decimal point, others with up to 10
    /// significant digits (so 0.1 + 0.2 prints 0.3).
    public static func format(_ value: Double) -> String {
        let rounded = (value * 1e9).rounded() / 1e9
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(format: "%.10g", rounded)
        if text.contains("e") { text = String(rounded) }
        return text
    }
}

/// A malformed sweep, shard or merge input (the CLI reports it and exits 2).
public struct SweepError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
