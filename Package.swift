// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "parkplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "parkplan", targets: ["parkplan"]),
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
        .systemLibrary(name: "CXLSXWriter", path: "Sources/CXLSXWriter", pkgConfig: "xlsxwriter",
                       providers: [.apt(["libxlsxwriter-dev"])]),
        // The only code that imports CXLSXWriter: workbooks, sheets, formats, line charts.
        .target(name: "XLSXWriter", dependencies: ["CXLSXWriter"]),
        // Scenario types, loading, validation, variants.
        .target(name: "ParkModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Scenario -> model -> plan; verifier; readiness; diagnosis; comparison.
        .target(name: "ParkPlanning", dependencies: ["ParkModel", "LinearProgramming"]),
        // Plan -> JSON, CSV, Markdown, HTML, GeoJSON (pure functions) and the plan workbook.
        .target(name: "ParkReports", dependencies: ["ParkPlanning", "ParkModel", "XLSXWriter"]),
        .executableTarget(
            name: "parkplan",
            dependencies: [
                "ParkModel", "ParkPlanning", "ParkReports", "GLPKSolver", "LinearProgramming",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer target for the scenario loader (see docs/fuzzing.md; build with -DFUZZING).
        .executableTarget(
            name: "FuzzScenario", dependencies: ["ParkModel"],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        // Benchmark of the planning pipeline on generated scenarios (scripts/bench.sh).
        .executableTarget(name: "ParkBench", dependencies: ["ParkModel", "ParkPlanning", "GLPKSolver"]),
        .testTarget(name: "LinearProgrammingTests", dependencies: ["LinearProgramming", "GLPKSolver"]),
        .testTarget(
            name: "ParkModelTests",
            dependencies: ["ParkModel", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ParkPlanningTests",
            dependencies: ["ParkPlanning", "ParkModel", "GLPKSolver", "LinearProgramming"]
        ),
        .testTarget(name: "ParkReportsTests", dependencies: ["ParkReports", "ParkPlanning", "ParkModel", "GLPKSolver"]),
        .testTarget(name: "CLITests", dependencies: ["parkplan"]),
    ],
    swiftLanguageModes: [.v6]
)
