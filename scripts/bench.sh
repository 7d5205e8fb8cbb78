#!/usr/bin/env bash
# Benchmark of the planning pipeline (not a test): generated scenarios of 20, 50, 100, 150 and
# 600 projects, each planned with a 60 s limit. Prints a tab-separated table (see docs/performance.md).
#
#   scripts/bench.sh [--sizes 20,50] [--time-limit 60] [--seed 1]
#
# Uses its own scratch path so it does not disturb other builds.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH="${BENCH_SCRATCH:-.build-bench}"
swift build -c release --product ParkBench --scratch-path "$SCRATCH" >&2
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(uname -srm), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$SCRATCH/release/ParkBench" "$@"
