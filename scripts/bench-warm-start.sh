#!/bin/sh
# Warm start against cold solves: a sweep on a generated park and `compare` on the Linfen sample.
# Prints wall seconds and per-point values of each run (figures, not a test).
#
#   sh scripts/bench-warm-start.sh [POINTS_RANGE] [TIME_LIMIT] [GAP]
#   e.g. sh scripts/bench-warm-start.sh 30..50/2 20        # 11 points, 20 s each, to the clock
#        sh scripts/bench-warm-start.sh 30..50/2 20 0.005  # points stop at a 0.5 % gap
#
# Needs a release build (swift build -c release). Writes into ${OUT:-bench-warm-out}.
set -eu

BIN=${BIN:-.build/release/parkplan}
OUT=${OUT:-bench-warm-out}
RANGE=${1:-30..50}
LIMIT=${2:-20}
GAP=${3:-}
mkdir -p "$OUT"
gapopt=""
[ -n "$GAP" ] && gapopt="--gap $GAP"

"$BIN" generate --projects 150 --seed 7 --out "$OUT/g150.yaml" >/dev/null
for mode in cold warm; do
    flag=""
    [ "$mode" = cold ] && flag="--cold"
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    "$BIN" sweep "$OUT/g150.yaml" --set "power.S01.capacity_mw=$RANGE" --time-limit "$LIMIT" $gapopt \
        --jobs 2 $flag --out "$OUT/sweep-$mode" >"$OUT/sweep-$mode.txt"
    end=$(date +%s.%N)
    echo "sweep $mode: $(echo "$end - $start" | bc) s"
done
python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
c = json.load(open(f"{out}/sweep-cold/sweep.json"))["points"]
w = json.load(open(f"{out}/sweep-warm/sweep.json"))["points"]
print("point  value cold        value warm        warm-cold   gap cold  gap warm  status cold/warm")
for a, b in zip(c, w):
    if a.get("value") is None or b.get("value") is None:
        print(a["values"], a["status"], b["status"]); continue
    d = 100 * (b["value"] - a["value"]) / abs(a["value"])
    print(f"{a['values'][0]:>5}  {a['value']:16,.0f}  {b['value']:16,.0f}  {d:+8.3f} %  {100*a['gap']:6.2f} %  {100*b['gap']:6.2f} %  {a['status']}/{b['status']}")
PY
for mode in cold warm; do
    flag=""
    [ "$mode" = cold ] && flag="--cold"
    start=$(date +%s.%N)
    "$BIN" compare scenarios/linfen-2022.yaml --time-limit "$LIMIT" $flag --out "$OUT/compare-$mode" >"$OUT/compare-$mode.txt"
    end=$(date +%s.%N)
    echo "compare linfen $mode: $(echo "$end - $start" | bc) s"
done
