#!/usr/bin/env bash
# Memory check of the GLPK solver layer under valgrind (helper "glpk").
#
# Swift Testing's runner crashes valgrind 3.19 (inside libdispatch's signal thread), so this
# builds a small executable that drives GLPKSolver through every path (LP + duals, MIP +
# progress, warm start, time limits with and without incumbent, infeasible, unbounded,
# MIP duals, LP/MPS export, rejected inputs, concurrent solves on several threads) and runs
# it under memcheck. It uses a throwaway package in a temporary directory whose targets are
# symlinks to this repository's Sources/CGLPK, Sources/LinearProgramming, Sources/GLPKSolver.
#
# Usage: scripts/glpk-memcheck.sh            (needs valgrind and libglpk-dev)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${GLPK_MEMCHECK_DIR:-$(mktemp -d /tmp/glpk-memcheck.XXXXXX)}"
mkdir -p "$work/Sources/GLPKMemcheck"
for target in CGLPK LinearProgramming GLPKSolver; do ln -sfn "$repo/Sources/$target" "$work/Sources/$target"; done
cat > "$work/Package.swift" <<'EOF'
// swift-tools-version: 6.0
import PackageDescription
let package = Package(
    name: "glpkmemcheck",
    targets: [
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK"),
        .target(name: "LinearProgramming"),
        .target(name: "GLPKSolver", dependencies: ["CGLPK", "LinearProgramming"]),
        .executableTarget(name: "GLPKMemcheck", dependencies: ["GLPKSolver", "LinearProgramming"]),
    ],
    swiftLanguageModes: [.v6]
)
EOF
cat > "$work/Sources/GLPKMemcheck/main.swift" <<'EOF'
import Foundation
import GLPKSolver
import LinearProgramming

let solver = GLPKSolver()
nonisolated(unsafe) var failures = 0
func check(_ ok: Bool, _ what: String) {
    print(ok ? "ok   " : "FAIL ", what)
    if !ok { failures += 1 }
}
func near(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) <= 1e-6 * max(1, abs(b)) } ?? false }

func wyndor() -> LinearModel {
    var m = LinearModel(name: "wyndor", sense: .maximize)
    let x = m.addColumn("doors", objective: 3), y = m.addColumn("windows", objective: 5)
    m.addRow("plant1", [(x, 1)], upper: 4); m.addRow("plant2", [(y, 2)], upper: 12)
    m.addRow("plant3", [(x, 3), (y, 2)], upper: 18)
    return m
}
func jeroslow(_ n: Int, slack: Bool) -> LinearModel {
    var m = LinearModel(name: "jeroslow", sense: .minimize)
    var row = LinearExpression([])
    for i in 0..<n { row.add(m.addColumn("x\(i)", kind: .binary), 2) }
    if slack { row.add(m.addColumn("z", kind: .binary, objective: 1)) }
    m.addRow("parity", row, lower: Double(n), upper: Double(n))
    return m
}
func knapsack(_ count: Int, seed: Int) -> LinearModel {
    var m = LinearModel(name: "knapsack", sense: .maximize)
    var row = LinearExpression([]), total = 0.0
    for i in 0..<count {
        let w = Double((i * 37 + seed * 11) % 53 + 5), v = Double((i * 53 + seed * 7) % 89 + 10)
        row.add(m.addColumn("take[\(i)]", kind: .binary, objective: v), w); total += w
    }
    m.addRow("capacity", row, upper: (total / 2).rounded(.down))
    return m
}

let lp = try solver.solve(wyndor(), options: SolverOptions(computeDuals: true))
check(lp.status == .optimal && near(lp.objective, 36) && lp.rowDuals.map { near($0[1], 1.5) && near($0[2], 1) } == true, "LP optimum and duals")

let events = NSLock(); nonisolated(unsafe) var eventCount = 0
let mip = try solver.solve(knapsack(24, seed: 1), options: SolverOptions(progress: { _ in events.withLock { eventCount += 1 } }, progressIntervalSeconds: 0))
check(mip.status == .optimal && eventCount >= 1, "MIP optimal with \(eventCount) progress events")

let start = (0..<31).map { $0 < 15 ? 1.0 : 0.0 } + [1]
let warm = try solver.solve(jeroslow(31, slack: true), options: SolverOptions(timeLimitSeconds: 1, initialSolution: start))
check(warm.warmStartUsed && near(warm.objective, 1), "warm start used (\(warm.status))")
let limited = try solver.solve(jeroslow(31, slack: true), options: SolverOptions(timeLimitSeconds: 0.5))
check(limited.status == .feasible || limited.status == .optimal, "time limit with incumbent (\(limited.status))")
let none = try solver.solve(jeroslow(31, slack: false), options: SolverOptions(timeLimitSeconds: 0.5))
check(none.status == .noSolution || none.status == .infeasible, "time limit without incumbent (\(none.status))")

var infeasible = wyndor(); infeasible.addRow("impossible", [(ColumnID(0), 1)], lower: 10)
check(try solver.solve(infeasible, options: SolverOptions()).status == .infeasible, "infeasible LP")
var unbounded = LinearModel(name: "u", sense: .maximize); unbounded.addColumn("x", kind: .integer, objective: 1)
check(try solver.solve(unbounded, options: SolverOptions()).status == .unbounded, "unbounded MIP")

var purchase = LinearModel(name: "purchase", sense: .maximize)
let a = purchase.addColumn("a", kind: .integer, upper: 2, objective: 5)
let b = purchase.addColumn("b", kind: .integer, upper: 3, objective: 5)
let buy = purchase.addColumn("buy", upper: 4, objective: -2)
purchase.addRow("capacity", [(a, 3), (b, 2), (buy, -1)], upper: 10)
let duals = try solver.solve(purchase, options: SolverOptions(computeDuals: true))
check(near(duals.objective, 21) && duals.rowDuals.map { near($0[0], 2) } == true, "MIP duals from fixed integers")

check(try solver.export(wyndor(), format: .lp).contains("Maximize"), "LP export")
check(try solver.export(wyndor(), format: .mps).contains("MINIMISATION"), "MPS export")

var bad = wyndor(); bad.addRow("nan", [(ColumnID(0), .nan)], upper: 1); bad.addRow("dup", [(ColumnID(1), 1), (ColumnID(1), 2)], upper: 1)
do { _ = try solver.solve(bad, options: SolverOptions()); check(false, "invalid model rejected") }
catch { check(error is LinearProgrammingError, "invalid model rejected") }
do { _ = try solver.solve(wyndor(), options: SolverOptions(timeLimitSeconds: -1)); check(false, "invalid options rejected") }
catch { check(error is LinearProgrammingError, "invalid options rejected") }

let models = [wyndor(), knapsack(20, seed: 2), knapsack(20, seed: 3), wyndor()]
let lock = NSLock(); nonisolated(unsafe) var objectives = [Double?](repeating: nil, count: 4)
DispatchQueue.concurrentPerform(iterations: 4) { i in
    let value = try? solver.solve(models[i], options: SolverOptions(computeDuals: true)).objective
    lock.withLock { objectives[i] = value ?? nil }
}
let sequential = try models.map { try solver.solve($0, options: SolverOptions()).objective }
check(zip(objectives, sequential).allSatisfy { $0 == $1 }, "4 concurrent solves match sequential ones")

print("version \(solver.version); failures: \(failures)")
exit(failures == 0 ? 0 : 1)
EOF
cd "$work"
swift build --product GLPKMemcheck 2>&1 | tail -3
binary="$work/.build/debug/GLPKMemcheck"
valgrind --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite \
    --error-exitcode=9 --num-callers=30 --log-file="$work/valgrind.log" "$binary"
status=$?
sed -n '/HEAP SUMMARY/,$p' "$work/valgrind.log"
echo "valgrind log: $work/valgrind.log (exit $status)"
exit $status
