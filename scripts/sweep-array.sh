#!/bin/sh
# One shard of a parkplan sweep, as a batch-scheduler array task; then merge the shards.
#
# Slurm (an array of N tasks, indices 1..N; submit from the repository's folder):
#   sbatch --array=1-8 --cpus-per-task=2 scripts/sweep-array.sh scenarios/linfen-2022.yaml \
#          --set power.S1.capacity_mw=30..50 --time-limit 20
#   # when all tasks are done:
#   parkplan sweep merge sweep-out/shard-* --out sweep-out/all
#
# Kubernetes (an Indexed Job, completionMode: Indexed, completions: N): the pod gets
# JOB_COMPLETION_INDEX = 0..N-1; set SHARDS=N in the pod's environment and run this script with
# the same arguments, writing to a shared volume (OUT=/data/sweep-out).
#
# Every shard solves the warm-start chains K, K+N, K+2N, … of the same sweep (chains of up to 10
# neighbouring points; pass --cold to every shard for one point per chain when there are more
# shards than chains, or a shard gets no points); `sweep merge` checks that the
# shards belong to one sweep and cover every point, and writes the same sweep.csv and sweep.json,
# byte for byte, as one run of the whole sweep on one machine.
#SBATCH --job-name=parkplan-sweep
#SBATCH --output=sweep-out/log-%a.txt
set -eu

PARKPLAN=${PARKPLAN:-parkplan}
OUT=${OUT:-sweep-out}

if [ -n "${SLURM_ARRAY_TASK_ID:-}" ]; then
    k=$SLURM_ARRAY_TASK_ID
    n=${SLURM_ARRAY_TASK_COUNT:?Slurm did not set SLURM_ARRAY_TASK_COUNT}
elif [ -n "${JOB_COMPLETION_INDEX:-}" ]; then
    k=$((JOB_COMPLETION_INDEX + 1))
    n=${SHARDS:?set SHARDS to the number of completions of the Indexed Job}
else
    k=${SHARD_INDEX:?run under Slurm or Kubernetes, or set SHARD_INDEX (1-based) and SHARDS}
    n=${SHARDS:?set SHARDS}
fi

mkdir -p "$OUT"
exec "$PARKPLAN" sweep "$@" --shard "$k/$n" --jobs "${JOBS:-1}" --out "$OUT/shard-$k"
