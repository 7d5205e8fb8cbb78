import ParkInstance
import ParkModel

/// Column and row names for LP/MPS files: block code, family and the ids of the key,
/// e.g. `C09_power(S1,2023.01)`.
///
/// GLPK's CPLEX-LP writer accepts only ASCII letters, digits and ``!"#$%&()/,.;?@_`'{}|~``, so ids
/// are escaped injectively: letters, digits, `_` and `.` stay; `-` becomes `~`; every other
/// character becomes `{uXXXX}` with its Unicode scalar in hex (光 → `{u5149}`). Names longer than
/// 255 characters are cut and made unique with `#` and the column or row number.
enum ModelNames {
    static let maximumLength = 255

    static func escape(_ text: String) -> String {
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

    static func period(_ t: Int, _ instance: PlanningInstance) -> String {
        let m = instance.month(t)
        return String(m.year) + "." + (m.month < 10 ? "0" : "") + String(m.month)
    }

    static func name(of key: VariableKey, in model: PlanningModel, index: Int) -> String {
        let i = model.instance
        let text: String
        switch key {
        case .place(let p, let s):
            text = "V1_place(\(project(p, i)),\(site(s, i)))"
        case .started(let p, let k, let t):
            text = "V2_started(\(project(p, i)),\(classLabel(p, k, model)),\(period(t, i)))"
        case .built(let e, let t):
            text = "V3_built(\(expansion(e, i)),\(period(t, i)))"
        }
        return bounded(text, index: index, tag: "c")
    }

    static func name(of key: ConstraintKey, in model: PlanningModel, index: Int) -> String {
        let i = model.instance
        let text: String
        switch key {
        case .once(let p): text = "C01_once(\(project(p, i)))"
        case .link(let p, let k): text = "C02_link(\(project(p, i)),\(classLabel(p, k, model)))"
        case .startOrder(let p, let k, let t):
            text = "C03_start_order(\(project(p, i)),\(classLabel(p, k, model)),\(period(t, i)))"
        case .space(let s): text = "C04_space(\(site(s, i)))"
        case .ready(let p, let k, let t):
            text = "C05_ready(\(project(p, i)),\(classLabel(p, k, model)),\(period(t, i)))"
        case .buildOrder(let e, let t): text = "C06_build_order(\(expansion(e, i)),\(period(t, i)))"
        case .requires(let e, let r, let t):
            text = "C07_requires(\(expansion(e, i)),\(expansion(r, i)),\(period(t, i)))"
        case .budget: text = "C08_budget"
        case .capacity(let n, let kind, let t):
            text = "C09_\(kind.rawValue)(\(escape(i.nodes[n].id.rawValue)),\(period(t, i)))"
        case .siteReady(let p, let s): text = "C10_site_ready(\(project(p, i)),\(site(s, i)))"
        }
        return bounded(text, index: index, tag: "r")
    }

    // MARK: - Parts

    static func project(_ p: Int, _ i: PlanningInstance) -> String { escape(i.projects[p].id.rawValue) }
    static func site(_ s: Int, _ i: PlanningInstance) -> String { escape(i.sites[s].id.rawValue) }
    static func expansion(_ e: Int, _ i: PlanningInstance) -> String { escape(i.expansions[e].id.rawValue) }

    /// A class is named by its first site (classes of one project never share a site).
    static func classLabel(_ p: Int, _ k: Int, _ model: PlanningModel) -> String {
        site(model.index.classes[p][k].sites[0], model.instance)
    }

    static func bounded(_ text: String, index: Int, tag: String) -> String {
        guard text.utf8.count > maximumLength else { return text }
        let suffix = "#" + tag + String(index)
        return String(text.prefix(maximumLength - suffix.count)) + suffix
    }
}
