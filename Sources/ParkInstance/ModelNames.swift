import ParkModel

/// Column and row names for LP/MPS files: block code, family and the ids of the key,
/// e.g. `C09_power(S1,2023.01)`.
///
/// GLPK's CPLEX-LP writer accepts only ASCII letters, digits and ``!"#$%&()/,.;?@_`'{}|~``, so ids
/// are escaped injectively: letters, digits, `_` and `.` stay; `-` becomes `~`; every other
/// character becomes `{uXXXX}` with its Unicode scalar in hex (光 → `{u5149}`). Names longer than
/// 255 characters are cut and made unique with `#` and the column or row number.
///
/// The shared part: every model parkplan builds (the planning MIP, the static bound, the
/// diagnosis's elastic model) names its columns and rows through these functions and the block
/// codes of docs/formulation.md, so an exported model of any of them reads the same way.
package enum ModelNames {
    package static let maximumLength = 255

    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", ".": out.unicodeScalars.append(scalar)
            case "-": out.append("~")
            default: out += "{u" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    package static func period(_ t: Int, _ instance: PlanningInstance) -> String {
        let m = instance.month(t)
        return String(m.year) + "." + (m.month < 10 ? "0" : "") + String(m.month)
    }

    // MARK: - Parts

    package static func project(_ p: Int, _ i: PlanningInstance) -> String { escape(i.projects[p].id.rawValue) }
    package static func site(_ s: Int, _ i: PlanningInstance) -> String { escape(i.sites[s].id.rawValue) }
    package static func expansion(_ e: Int, _ i: PlanningInstance) -> String { escape(i.expansions[e].id.rawValue) }

    package static func bounded(_ text: String, index: Int, tag: String) -> String {
        guard text.utf8.count > maximumLength else { return text }
        let suffix = "#" + tag + String(index)
        return String(text.prefix(maximumLength - suffix.count)) + suffix
    }

    /// `CODE_family(arg,arg,…)`, bounded to 255 characters.
    package static func label(_ code: String, _ arguments: [String], index: Int, tag: String) -> String {
        bounded(arguments.isEmpty ? code : code + "(" + arguments.joined(separator: ",") + ")", index: index, tag: tag)
    }
}
