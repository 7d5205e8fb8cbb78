#!/usr/bin/env python3
"""End-to-end fuzzing of the whole pipeline (not only the loader).

Random *valid* scenarios with extreme but allowed values and shapes — huge and tiny magnitudes
within the documented ranges, long `requires` chains, wide fans, 1,200-month horizons, empty
parks, every project pinned, quarterly steps — go through `check`, `plan`, `readiness`,
`readiness --plan`, `compare` and `export-model` with a small time limit. Allowed outcomes:
exit 0, 2, 3 or 4; no signal; no run past its time limit plus the documented margin (5 % + 2 s,
plus a fixed allowance for commands that plan several variants); no partial output; peak memory
under 2 GB; every plan with status optimal/feasible accepted by `readiness --plan`, which checks it
with the independent verifier.

    scripts/fuzz-pipeline.py --binary .build/release/parkplan --minutes 10
    scripts/fuzz-pipeline.py --cases 6 --time-limit 2          # the slice `make test` runs

Prints one line per failure and a summary of the figures; exits 1 when anything failed.
The generator is seeded (`--seed`), so a failing case repeats with the same seed and index.
"""
import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time

MEMORY_LIMIT_KB = 2 * 1024 * 1024
ALLOWED = {0, 2, 3, 4}


def num(x):
    """A YAML number that reads back exactly; a positive amount is kept at 0.001 or more (the
    smallest nonzero amount the format accepts)."""
    x = max(0.001, round(float(x), 3)) if x > 0 else float(x)
    return repr(x) if not x.is_integer() or abs(x) >= 1e15 else str(int(x))


def magnitude(rng, low, high):
    """A value spread over orders of magnitude between low and high (both > 0)."""
    import math
    return round(math.exp(rng.uniform(math.log(low), math.log(high))), 3) or low


SHAPES = ["plain", "chain", "fan", "long", "empty", "pinned", "quarterly", "huge", "tiny"]


def scenario(rng, index, shapes=SHAPES):
    shape = rng.choice(shapes)
    months = {"long": 1200, "quarterly": 48}.get(shape, rng.choice([6, 12, 36]))
    step = 3 if shape == "quarterly" else rng.choice([1, 1, 1, 2])
    start_year = rng.choice([2022, 2030, 2100]) if shape != "long" else 2025
    n_nodes = rng.randint(1, 3)
    cap = (lambda: magnitude(rng, 1e6, 1e9)) if shape == "huge" else (
        (lambda: magnitude(rng, 0.001, 0.1)) if shape == "tiny" else (lambda: magnitude(rng, 1, 500)))
    money = (lambda: magnitude(rng, 1e10, 1e12)) if shape == "huge" else (lambda: magnitude(rng, 0.001, 1e9))
    lines = ["parkplan: 1", f"park: {{name: fuzz-{index}-{shape}}}",
             f"horizon: {{start: {start_year}-0{rng.randint(1, 9)}, months: {months}, step_months: {step}}}"]
    if rng.random() < 0.5:
        lines.append(f"budget: {num(money())}")
    lines.append("power:")
    for n in range(n_nodes):
        lines.append(f"  - {{id: S{n}, capacity_mw: {num(cap())}, reserve: {rng.choice([0, 0.1, 0.5])}}}")
    lines.append("sewage:")
    lines.append(f"  - {{id: W0, capacity_m3_day: {num(cap())}, cod_kg_day: {num(cap())}}}")
    lines.append("water:")
    lines.append(f"  - {{id: WS0, capacity_m3_day: {num(cap())}}}")
    n_plots = 0 if shape == "empty" else rng.randint(1, 6)
    n_buildings = 0 if shape == "empty" else rng.randint(0, 3)
    lines.append("plots:" if n_plots else "plots: []")
    area = (lambda: magnitude(rng, 1e6, 1e9)) if shape == "huge" else (lambda: magnitude(rng, 100, 1e5))
    for p in range(n_plots):
        lines.append(f"  - {{id: A{p}, area_m2: {num(area())}, zone: {rng.choice(['ind', 'log'])}, "
                     f"power: S{rng.randrange(n_nodes)}, sewage: W0, water: WS0}}")
    lines.append("buildings:" if n_buildings else "buildings: []")
    for b in range(n_buildings):
        lines.append(f"  - {{id: B{b}, units: {rng.randint(1, 1000 if shape == 'huge' else 8)}, "
                     f"unit_area_m2: {num(area())}, power: S{rng.randrange(n_nodes)}, sewage: W0, water: WS0}}")
    n_exp = {"chain": rng.randint(200, 2000), "fan": rng.randint(100, 400)}.get(shape, rng.randint(0, 6))
    lines.append("expansions:" if n_exp else "expansions: []")
    for e in range(n_exp):
        if shape == "chain":
            req = f", requires: [E{e - 1}]" if e else ""
        elif shape == "fan":
            req = ", requires: [E0]" if e else ""
        else:
            req = f", requires: [E{rng.randrange(e)}]" if e and rng.random() < 0.3 else ""
        lead = rng.choice([0, 0, 1, 3, 12]) if shape in ("chain", "fan") else rng.choice([0, 2, 6, 24, 1200])
        lines.append(f"  - {{id: E{e}, adds: {{power: S{rng.randrange(n_nodes)}, capacity_mw: {num(cap())}}}, "
                     f"cost: {num(money())}, lead_months: {lead}{req}}}")
    n_proj = rng.randint(0, 25)
    lines.append("projects:" if n_proj else "projects: []")
    sites = [f"A{p}" for p in range(n_plots)]
    for q in range(n_proj):
        status = rng.choice(["candidate", "candidate", "committed"]) if shape != "pinned" else "committed"
        fields = [f"id: q{q}", f"status: {status}", f"land_m2: {num(area() / rng.randint(1, 10))}",
                  f"power_mw: {num(cap() / rng.randint(1, 20))}", f"build_months: {rng.choice([0, 3, 12, 1200])}",
                  f"annual_tax: {num(money() / 10)}", f"investment: {num(money())}"]
        if rng.random() < 0.3:
            fields.append(f"wastewater_m3_day: {num(cap() / 10)}")
        if shape == "pinned" and sites:
            fields.append(f"site: {rng.choice(sites)}")
        lines.append("  - {" + ", ".join(fields) + "}")
    lines.append("variants:")
    lines.append("  - name: more-power")
    lines.append(f"    set: {{power.S0.capacity_mw: {num(cap())}}}")
    return shape, "\n".join(lines) + "\n"


def run(binary, args, cwd, timeout):
    """Runs one command; returns (exit status, wall seconds, peak KB of any child so far, stderr)."""
    started = time.monotonic()
    try:
        done = subprocess.run([binary] + args, cwd=cwd, capture_output=True, timeout=timeout,
                              env={**os.environ, "SWIFT_BACKTRACE": "enable=no", "LANG": "C.UTF-8"})
        status = done.returncode
        err = done.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        status, err = "timeout", ""
    wall = time.monotonic() - started
    # The largest peak of any child so far (the kernel keeps the maximum, in KB).
    return status, wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, err


def check_case(binary, text, limit, workdir, failures, figures, label, slack=0):
    path = os.path.join(workdir, "park.yaml")
    with open(path, "w") as f:
        f.write(text)
    margin = limit * 1.05 + 2 + slack
    commands = [
        (["check", path], 10 + slack),
        (["plan", path, "--time-limit", str(limit), "--out", os.path.join(workdir, "out")], margin),
        (["readiness", path], 10 + slack),
        (["compare", path, "--time-limit", str(limit), "--out", os.path.join(workdir, "cmp")], 2 * margin + 4),
        (["export-model", path, "--format", "lp", "--out", os.path.join(workdir, "m.lp")], 30 + slack),
    ]
    for args, allowed_wall in commands:
        status, wall, peak, err = run(binary, args, workdir, allowed_wall + 30)
        figures["runs"] += 1
        figures["max_overrun"] = max(figures["max_overrun"], wall - allowed_wall)
        figures["peak_kb"] = max(figures["peak_kb"], peak)
        figures["exits"][status] = figures["exits"].get(status, 0) + 1
        if args[0] == "check" and status == 2:
            figures.setdefault("invalid", []).append(f"{label}: {err.strip().splitlines()[0][:200] if err.strip() else ''}")
        if status not in ALLOWED:
            failures.append(f"{label}: {args[0]} exit {status}: {err.strip()[:300]}")
        elif wall > allowed_wall:
            failures.append(f"{label}: {args[0]} took {wall:.1f} s, more than {allowed_wall:.1f} s")
        if status == 2 and args[0] != "check" and "internal" in err:
            failures.append(f"{label}: {args[0]} internal error: {err.strip()[:300]}")
    # No partial output: a folder is either absent or holds the whole set, and no temporary file.
    out = os.path.join(workdir, "out")
    if os.path.isdir(out):
        names = sorted(os.listdir(out))
        if "plan.json" not in names or any(n.startswith(".") or n.endswith(".tmp") for n in names):
            failures.append(f"{label}: partial output {names}")
        else:
            status, _, _, err = run(binary, ["readiness", path, "--plan", os.path.join(out, "plan.json")], workdir, 60)
            plan = open(os.path.join(out, "plan.json"), encoding="utf-8").read()
            placed = '"status": "optimal"' in plan or '"status": "feasible"' in plan
            if placed and status != 0:
                failures.append(f"{label}: the plan does not verify: {err.strip()[:300]}")
    for leftover in os.listdir(workdir):
        if leftover.startswith(".") and "stag" in leftover:
            failures.append(f"{label}: staging folder left behind: {leftover}")
    if figures["peak_kb"] > MEMORY_LIMIT_KB:
        failures.append(f"{label}: peak memory {figures['peak_kb'] / 1024:.0f} MB")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=".build/release/parkplan")
    parser.add_argument("--minutes", type=float, default=None, help="run until this many minutes have passed")
    parser.add_argument("--cases", type=int, default=None, help="run this many cases (default 20 without --minutes)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=3)
    parser.add_argument("--keep", help="copy failing scenarios into this folder")
    parser.add_argument("--shapes", default=",".join(SHAPES),
                        help="comma-separated shapes to draw from (default: all: " + ",".join(SHAPES) + ")")
    parser.add_argument("--slack", type=float, default=0,
                        help="seconds added to every allowed wall time (for debug builds, e.g. in make test)")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    rng = random.Random(args.seed)
    failures, figures = [], {"runs": 0, "max_overrun": -1e9, "peak_kb": 0, "exits": {}}
    deadline = time.monotonic() + args.minutes * 60 if args.minutes else None
    cases = args.cases if args.cases is not None else (10**9 if deadline else 20)
    shapes = {}
    started = time.monotonic()
    index = 0
    while index < cases and (deadline is None or time.monotonic() < deadline):
        shape, text = scenario(rng, index, [x for x in args.shapes.split(",") if x in SHAPES] or SHAPES)
        shapes[shape] = shapes.get(shape, 0) + 1
        workdir = tempfile.mkdtemp(prefix="parkplan-fuzz-")
        before = len(failures)
        try:
            check_case(binary, text, args.time_limit, workdir, failures, figures, f"seed {args.seed} case {index} ({shape})",
                       args.slack)
        finally:
            if len(failures) > before and args.keep:
                os.makedirs(args.keep, exist_ok=True)
                shutil.copy(os.path.join(workdir, "park.yaml"), os.path.join(args.keep, f"case-{args.seed}-{index}.yaml"))
            shutil.rmtree(workdir, ignore_errors=True)
        index += 1
    for line in failures:
        print("FAIL " + line)
    for line in figures.get("invalid", [])[:5]:
        print("note: the generator wrote a file check rejects (exit 2 is allowed): " + line)
    exits = ", ".join(f"{k}: {v}" for k, v in sorted(figures["exits"].items(), key=lambda kv: str(kv[0])))
    print(f"{index} scenarios ({', '.join(f'{k} {v}' for k, v in sorted(shapes.items()))}), {figures['runs']} runs "
          f"in {time.monotonic() - started:.0f} s; exits {{{exits}}}; largest overrun of a limit "
          f"{figures['max_overrun']:+.1f} s; peak memory {figures['peak_kb'] / 1024:.0f} MB")
    print(f"{figures['runs'] - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
