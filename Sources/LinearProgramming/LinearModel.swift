/// A solver-neutral linear or mixed-integer program.
///
/// Columns and rows are appended and addressed by typed indices. Bounds use
/// `nil` for "unbounded on that side". Nothing here is validated against a
/// particular solver; a `LinearSolver` validates before it hands the model on.
public struct LinearModel: Sendable {
    public var name: String
    public var sense: ObjectiveSense
    /// Added to the objective value (does not affect the optimum).
    public var objectiveConstant: Double = 0
    public private(set) var columns: [Column] = []
    public private(set) var rows: [Row] = []

    public init(name: String = "model", sense: ObjectiveSense = .maximize) {
        self.name = name
        self.sense = sense
    }

    /// Appends a column; `objective` is its objective coefficient.
    @discardableResult
    public mutating func addColumn(
        _ name: String, kind: ColumnKind = .continuous, lower: Double? = 0, upper: Double? = nil,
        objective: Double = 0
    ) -> ColumnID {
        let (lo, up): (Double?, Double?) = kind == .binary ? (lower ?? 0, upper ?? 1) : (lower, upper)
        columns.append(Column(name: name, kind: kind, lower: lo, upper: up, objective: objective))
        return ColumnID(columns.count - 1)
    }

    /// Appends a row `lower ≤ expression ≤ upper`; the expression's constant is moved into the bounds.
    @discardableResult
    public mutating func addRow(
        _ name: String, _ expression: LinearExpression, lower: Double? = nil, upper: Double? = nil
    ) -> RowID {
        let c = expression.constant
        rows.append(Row(name: name, terms: expression.terms, lower: lower.map { $0 - c }, upper: upper.map { $0 - c }))
        return RowID(rows.count - 1)
    }

    public mutating func setObjective(_ column: ColumnID, _ coefficient: Double) {
        columns[column.index].objective = coefficient
    }

    public mutating func setBounds(_ column: ColumnID, lower: Double?, upper: Double?) {
        columns[column.index].lower = lower
        columns[column.index].upper = upper
    }

    /// The LP relaxation: every column continuous (binary columns keep their 0…1 bounds).
    public mutating func relaxIntegrality() {
        for i in columns.indices { columns[i].kind = .continuous }
    }

    public var hasIntegerColumns: Bool { columns.contains { $0.kind != .continuous } }

    /// Objective of an assignment of column values (including the constant).
    public func objectiveValue(_ values: [Double]) -> Double {
        zip(columns, values).reduce(objectiveConstant) { $0 + $1.0.objective * $1.1 }
    }
}

public enum ObjectiveSense: String, Sendable { case minimize, maximize }

public enum ColumnKind: String, Sendable { case continuous, integer, binary }

public struct ColumnID: Hashable, Comparable, Sendable {
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public static func < (a: Self, b: Self) -> Bool { a.index < b.index }
}

public struct RowID: Hashable, Comparable, Sendable {
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public static func < (a: Self, b: Self) -> Bool { a.index < b.index }
}

public struct Column: Sendable, Equatable {
    public var name: String
    public var kind: ColumnKind
    public var lower: Double?
    public var upper: Double?
    public var objective: Double
}

public struct Row: Sendable, Equatable {
    public var name: String
    public var terms: [Term]
    public var lower: Double?
    public var upper: Double?
}

public struct Term: Sendable, Equatable {
    public var column: ColumnID
    public var coefficient: Double
    public init(_ column: ColumnID, _ coefficient: Double) { self.column = column; self.coefficient = coefficient }
}

/// `Σ coefficient·column + constant`.
public struct LinearExpression: Sendable, Equatable, ExpressibleByArrayLiteral {
    public var terms: [Term]
    public var constant: Double

    public init(_ terms: [Term] = [], constant: Double = 0) { self.terms = terms; self.constant = constant }
    public init(arrayLiteral elements: (ColumnID, Double)...) {
        self.init(elements.map { Term($0.0, $0.1) })
    }

    public mutating func add(_ column: ColumnID, _ coefficient: Double = 1) {
        terms.append(Term(column, coefficient))
    }

    public static func + (a: Self, b: Self) -> Self { Self(a.terms + b.terms, constant: a.constant + b.constant) }
    public static func - (a: Self, b: Self) -> Self { a + b * -1 }
    public static func * (a: Self, k: Double) -> Self {
        Self(a.terms.map { Term($0.column, $0.coefficient * k) }, constant: a.constant * k)
    }
}
