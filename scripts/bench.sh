#!/usr/bin/env bash
# Benchmark of the planning pipeline (not a test): generated scenarios of 20, 50, 100, 150 and
# 600 projects, each planned with a 60 s limit. Prints a tab-separated table (see docs/performance.md).
#
#   scripts/bench.sh [--sizes 20,50] [--time-limit 60] [--seed 1]
#   scripts/bench.sh --outside [DIR]     every DIR/*.yaml (default ../shared/bench) at 10 s and
#                                        60 s, one process each (so peak memory is per scenario),
#                                        against DIR/reference.json
#
# Uses its own scratch path so it does not disturb other builds.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH="${BENCH_SCRATCH:-.build-bench}"
swift build -c release --product ParkBench --scratch-path "$SCRATCH" >&2
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(uname -srm), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
if [[ "${1:-}" == "--outside" ]]; then
    DIR="${2:-../shared/bench}"
    for limit in 10 60; do
        for f in "$DIR"/*.yaml; do
            "$SCRATCH/release/ParkBench" --file "$f" --time-limit "$limit" --reference "$DIR/reference.json" \
                | sed "s/^/${limit}s\t/"
        done
    done
    exit 0
fi
"$SCRATCH/release/ParkBench" "$@"
