#!/usr/bin/env bash
# Phase second-split: do the headline figures hold on a split the project was never tuned on? MnistSplit.Random with
# seed 1 (same test set and sizes as the canonical split, other labeled images): the core headline (scikit-learn vs
# ML.NET L-BFGS at k = 100 / 250 / 1000, run-core.sh --headline) and the vision runs of
# benchmarks/configs/vision/second-split.json (run-vision.sh), then one table against the canonical split's results.
#
# Usage: bash benchmarks/run-second-split.sh [--quick] [--jobs N]
# Writes benchmarks/results/second-split-<UTC date>[-quick]/: core/*.json + core.md, vision/*.json + vision.md, and
# README.md (machine at the start, commands, canonical vs random split). A rerun skips what has finished.
set -euo pipefail

QUICK=(); JOBS=2
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=(--quick) ;;
    --jobs) JOBS="$2"; shift ;;
    *) echo "unknown argument: $1 (expected --quick, --jobs N)" >&2; exit 2 ;;
  esac
  shift
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source "$ROOT/benchmarks/machine.sh"
SPLIT=random:1                                     # as the defaults of benchmarks/configs/vision/second-split.json
OUT="benchmarks/results/second-split-$(date -u +%F)${QUICK[*]:+-quick}"
mkdir -p "$OUT"
# The machine as it was when the phase started (kept when a rerun resumes it).
[ -s "$OUT/machine.md" ] || echo "Started $(date -u '+%Y-%m-%d %H:%M UTC'). $(machine_line)" > "$OUT/machine.md"

[ -s "$OUT/core/mnist.json" ] || bash benchmarks/run-core.sh --split "$SPLIT" --headline --out "$OUT/core" "${QUICK[@]}" >&2
bash benchmarks/run-vision.sh --phase second-split --jobs "$JOBS" --out "$OUT/vision" "${QUICK[@]}" >&2
{
  echo "# Second split: canonical vs random ($SPLIT) MNIST-10k split"
  echo
  cat "$OUT/machine.md"
  echo
  echo "Commands: \`bash benchmarks/run-second-split.sh --jobs $JOBS${QUICK[*]:+ ${QUICK[*]}}\`, which runs"
  echo "\`bash benchmarks/run-core.sh --split $SPLIT --headline --out $OUT/core${QUICK[*]:+ ${QUICK[*]}}\` and"
  echo "\`bash benchmarks/run-vision.sh --phase second-split --jobs $JOBS --out $OUT/vision${QUICK[*]:+ ${QUICK[*]}}\`."
  echo
  /usr/bin/python3 benchmarks/python/split_report.py "$OUT" --core benchmarks/results/core-2026-11-26 \
    --vision benchmarks/results/vision-2026-11-26 benchmarks/results/vision-2026-11-27
} > "$OUT/README.md"
cat "$OUT/README.md"
