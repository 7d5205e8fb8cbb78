import Foundation
import ParkModel

/// libFuzzer entry point: feeds arbitrary bytes to the scenario loader, then
/// applies each variant and a few `--set` options to whatever loads.
/// Any crash, hang or leak is a bug; `ScenarioError` is the expected outcome.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    exercise(Data(bytes: data, count: size))
    return 0
}

func exercise(_ bytes: Data) {
    guard let document = try? ScenarioLoader.load(data: bytes, fileName: "fuzz.yaml") else { return }
    _ = ScenarioSummary.make(document.base)
    for name in document.variantNames {
        _ = try? document.resolve(variant: name, sets: [])
    }
    _ = try? document.resolve(variant: nil, sets: ["budget=1", "horizon.months=[1]", "objective.weights.tax=.inf"])
}

#if !FUZZING
    /// Without libFuzzer (a plain `swift build`): replays the files named on the
    /// command line, e.g. a crash file that the fuzzer saved.
    @main
    enum FuzzReplay {
        static func main() {
            for path in CommandLine.arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                    continue
                }
                exercise(data)
                FileHandle.standardOutput.write(Data("ran \(path)\n".utf8))
            }
        }
    }
#endif
