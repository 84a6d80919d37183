#!/usr/bin/env bash
# Peak RSS of a 6-round self-training run of the TorchSharp classifier (the run of benchmarks/configs/memory.json: k = 250,
# S2, 50 teacher + 50 student steps per round, every unlabeled image re-labeled each round), for one or more git
# revisions side by side: each revision is built in a temporary worktree, run REPEATS times (default 3), and the median
# and range of the peak RSS are printed. Revisions from before the phase files get the same run as command-line options.
#
# Usage: bash benchmarks/vision-memory.sh REV [REV...]      e.g. bash benchmarks/vision-memory.sh 7e3d8c0 HEAD
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 REV [REV...]" >&2; exit 2; }
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPEATS="${REPEATS:-3}"
WORK="$(mktemp -d)"
trap 'for d in "$WORK"/tree-*; do git -C "$ROOT" worktree remove --force "$d" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT
export OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE
CONFIG="$ROOT/benchmarks/configs/memory.json"
RUN="$(/usr/bin/python3 "$ROOT/benchmarks/python/phases.py" list "$CONFIG" | cut -d' ' -f1)"
echo "| revision | peak RSS MiB, median (min–max) of $REPEATS | final student % |"
echo "|---|---:|---:|"
for rev in "$@"; do
  sha="$(git -C "$ROOT" rev-parse --short "$rev")"
  tree="$WORK/tree-$sha"
  git -C "$ROOT" worktree add --detach -q "$tree" "$sha"
  dotnet build "$tree/benchmarks/SelfTraining.Vision" -c Release -o "$WORK/bin-$sha" -v quiet -nologo >&2
  if [ -d "$tree/benchmarks/configs" ]; then run=(--config "$CONFIG" --run "$RUN")
  else run=(-k 250 --policy S2 --teacher-steps 50 --student-steps 50 --rounds 6 --rescore); fi
  for i in $(seq "$REPEATS"); do
    "$WORK/bin-$sha/SelfTraining.Vision" selftrain "${run[@]}" -o "$WORK/$sha-$i.json" >/dev/null
  done
  /usr/bin/python3 - "$rev ($sha)" "$WORK"/"$sha"-*.json <<'PY'
import json, statistics, sys
runs = [json.load(open(f)) for f in sys.argv[2:]]
rss = [r["peakRssMiB"] for r in runs]
print(f"| {sys.argv[1]} | {statistics.median(rss):.0f} ({min(rss):.0f}–{max(rss):.0f}) | {100 * runs[0]['studentAccuracy']:.2f} |")
PY
done
