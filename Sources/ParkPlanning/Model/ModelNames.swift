import ParkInstance
import ParkModel

/// Names of the planning MIP's columns and rows, from its typed keys (see `ModelNames`).
extension ModelNames {
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

    /// A class is named by its first site (classes of one project never share a site).
    static func classLabel(_ p: Int, _ k: Int, _ model: PlanningModel) -> String {
        site(model.index.classes[p][k].sites[0], model.instance)
    }
}
