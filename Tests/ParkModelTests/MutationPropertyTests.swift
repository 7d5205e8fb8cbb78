import Foundation
import PropertyBased
import Testing

@testable import ParkModel

/// Random edits of a valid scenario either load or give located problems inside the text.
@Suite struct MutationPropertyTests {
    static let text: [UInt8] = Array((try? Data(contentsOf: Fixtures.url("good/full.yaml"))) ?? Data())

    static func assertLocated(_ bytes: [UInt8]) {
        let lineCount = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count
        do {
            let document = try ScenarioLoader.load(data: Data(bytes), fileName: "m.yaml")
            _ = document.checkAll()
        } catch let error as ScenarioError {
            #expect(!error.diagnostics.isEmpty)
            for d in error.diagnostics {
                #expect(d.file == "m.yaml")
                #expect((1...lineCount + 1).contains(d.line), "\(d)")
                #expect(d.column >= 1, "\(d)")
                #expect(!d.message.isEmpty)
            }
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func replacingOneCharacter() async {
        let input = zip(Gen.int(in: 0...(Self.text.count - 1)), Gen.int(in: 9...126))
        await propertyCheck(count: 120, input: input) { position, byte in
            var bytes = Self.text
            bytes[position] = UInt8(byte)
            Self.assertLocated(bytes)
        }
    }

    @Test func deletingARange() async {
        let input = zip(Gen.int(in: 0...(Self.text.count - 1)), Gen.int(in: 1...40))
        await propertyCheck(count: 120, input: input) { position, length in
            var bytes = Self.text
            bytes.removeSubrange(position..<min(bytes.count, position + length))
            Self.assertLocated(bytes)
        }
    }

    @Test func duplicatingALine() async {
        let lines = Self.text.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        await propertyCheck(count: 80, input: Gen.int(in: 0...(lines.count - 1))) { index in
            var edited = lines
            edited.insert(lines[index], at: index)
            Self.assertLocated(Array(edited.joined(separator: [0x0A])))
        }
    }
}
