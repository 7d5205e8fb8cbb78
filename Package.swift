// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "parkplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "parkplan", targets: ["parkplan"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // GLPK C library (Debian ships no glpk.pc, so the module map links it directly).
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK"),
        // Solver-neutral linear/mixed-integer programming model.
        .target(name: "LinearProgramming"),
        // The only code that imports CGLPK.
        .target(name: "GLPKSolver", dependencies: ["CGLPK", "LinearProgramming"]),
        // libxlsxwriter C library (Debian: libxlsxwriter-dev, pkg-config xlsxwriter).
        .systemLibrary(
            name: "CXLSXWriter", path: "Sources/CXLSXWriter", pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]),
        // The only code that imports CXLSXWriter: workbooks, sheets, formats, line charts.
        .target(name: "XLSXWriter", dependencies: ["CXLSXWriter"]),
        // Scenario types, loading, validation, variants.
        .target(name: "ParkModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        // The independent plan verifier (contract §3, §4): sees the scenario types and nothing of
        // the planning model, so its independence is a build fact.
        .target(name: "ParkVerification", dependencies: ["ParkModel"]),
        // The shared instance layer: a scenario resolved onto periods and indices, an assignment,
        // the site rules (contract §3.3, §3.6, §3.10) and the capacity resources (§3.7).
        .target(name: "ParkInstance", dependencies: ["ParkModel"]),
        // Infeasibility diagnosis, reasons for left-out projects and the readiness checklist.
        .target(name: "ParkDiagnosis", dependencies: ["ParkInstance", "ParkModel", "LinearProgramming"]),
        // Scenario -> model -> plan: the MIP, heuristics, searches and the pipeline; comparison.
        .target(
            name: "ParkPlanning",
            dependencies: ["ParkInstance", "ParkDiagnosis", "ParkVerification", "ParkModel", "LinearProgramming"]
        ),
        // Plan -> JSON, CSV, Markdown, HTML, GeoJSON, the terminal summaries (pure functions) and the plan workbook.
        .target(
            name: "ParkReports",
            dependencies: [
                "ParkPlanning", "ParkDiagnosis", "ParkInstance", "ParkVerification", "ParkModel", "XLSXWriter",
            ]
        ),
        // Sweeps of a --set parameter and marginal values: each point an independent re-solve.
        .target(
            name: "ParkAnalysis",
            dependencies: ["ParkPlanning", "ParkReports", "ParkModel", "ParkVerification", "LinearProgramming"]
        ),
        // Lead funnel (contract §7): Monte Carlo over which candidates sign, with a fast placement.
        .target(name: "ParkRisk", dependencies: ["ParkInstance", "ParkModel", "ParkReports"]),
        .executableTarget(
            name: "parkplan",
            dependencies: [
                "ParkModel", "ParkInstance", "ParkDiagnosis", "ParkVerification", "ParkPlanning", "ParkReports",
                "ParkAnalysis",
                "ParkRisk",
                "GLPKSolver", "LinearProgramming",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer target for the scenario loader (see docs/fuzzing.md; build with -DFUZZING).
        .executableTarget(
            name: "FuzzScenario", dependencies: ["ParkModel"],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        // Benchmark of the planning pipeline on generated scenarios (scripts/bench.sh).
        .executableTarget(
            name: "ParkBench", dependencies: ["ParkModel", "ParkInstance", "ParkPlanning", "ParkReports", "GLPKSolver"]
        ),
        // What the test suites share: the one float tolerance, fixture months, a mock solver.
        .target(name: "TestSupport", dependencies: ["ParkModel", "LinearProgramming"], path: "Tests/TestSupport"),
        .testTarget(name: "LinearProgrammingTests", dependencies: ["LinearProgramming", "GLPKSolver", "TestSupport"]),
        .testTarget(
            name: "ParkModelTests",
            dependencies: ["ParkModel", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ParkPlanningTests",
            dependencies: [
                "ParkPlanning", "ParkInstance", "ParkDiagnosis", "ParkVerification", "ParkModel", "GLPKSolver",
                "LinearProgramming", "TestSupport",
            ]
        ),
        .testTarget(
            name: "ParkReportsTests",
            dependencies: [
                "ParkReports", "ParkPlanning", "ParkDiagnosis", "ParkInstance", "ParkVerification", "ParkModel",
                "GLPKSolver", "TestSupport",
            ]
        ),
        .testTarget(
            name: "ParkRiskTests",
            dependencies: ["ParkRisk", "ParkInstance", "ParkModel", "ParkVerification", "TestSupport"]
        ),
        .testTarget(name: "CLITests", dependencies: ["parkplan", "TestSupport"]),
        .testTarget(
            name: "ParkAnalysisTests",
            dependencies: [
                "ParkAnalysis", "ParkPlanning", "ParkReports", "ParkModel", "ParkVerification", "GLPKSolver",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
