import Foundation
import Testing

@testable import ParkModel

/// `park.origin`: optional [longitude, latitude] of the polygon grid's (0, 0), validated.
@Suite struct ParkOriginTests {
    static func text(_ origin: String) -> String {
        "parkplan: 1\npark: {name: Test Park, origin: \(origin)}\nhorizon: {start: 2024-01, months: 24}\n"
    }

    @Test func originIsRead() throws {
        let document = try Fixtures.load(Self.text("[111.52, 36.08]"))
        #expect(document.base.park.origin == [111.52, 36.08])
    }

    @Test(arguments: [
        ("[111.52]", "expected [longitude, latitude]"),
        ("[200, 36]", "longitude must lie in [-180, 180]"),
        ("[36.08, 111.52]", "latitude must lie in [-85, 85]"),
    ])
    func badOriginIsLocated(origin: String, message: String) {
        let problems = Fixtures.problems(Self.text(origin))
        #expect(problems.count == 1)
        #expect(problems.first?.path == "park.origin")
        #expect(problems.first?.message.contains(message) == true)
        #expect(problems.first?.line == 2)
    }
}
