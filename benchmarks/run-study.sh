#!/usr/bin/env bash
# The pre-training vs self-training study (issue 16, after Zoph et al. 2020): benchmarks/configs/study/study.json.
# Pre-trains a backbone per seed on the object-centric digit images (supervised and SimCLR), then runs every arm of every
# cell (random init, supervised / SimCLR pre-trained, self-training, pre-training + self-training, and self-training on
# the unlabeled scenes at the strongest policy) for detection and segmentation, and the speedup runs; writes the report.
#
# Usage: bash benchmarks/run-study.sh [--quick] [--jobs N] [--out DIR]
#   --quick   smoke run: step counts and the unlabeled, test and object-centric counts x 3/50, seed 1 only, the cells of
#             the conclusions only (S1@1000, S4@1000, S4@200), every arm and task (figures meaningless)
#   --jobs    runs at once (default 2)
#   --out     result folder (default benchmarks/results/study-<UTC date>[-quick])
# Writes DIR/<run id>.json and .log (a run whose JSON exists is skipped: run the same command again to resume),
# DIR/models/ (pre-trained backbones, teacher models), DIR.md (the report) and the PNGs: docs/study/ for a full run,
# DIR/figures/ for a quick one.
set -euo pipefail

QUICK=""; JOBS=2; OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK="--quick" ;;
    --jobs) JOBS="$2"; shift ;;
    --out) OUT="$2"; shift ;;
    *) echo "unknown argument: $1 (expected --quick, --jobs N, --out DIR)" >&2; exit 2 ;;
  esac
  shift
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source "$ROOT/benchmarks/machine.sh"

dotnet build benchmarks/SelfTraining.Vision -c Release -v quiet -nologo >&2
BIN="benchmarks/SelfTraining.Vision/bin/Release/net10.0/SelfTraining.Vision"
[ -n "$OUT" ] || OUT="benchmarks/results/study-$(date -u +%F)${QUICK:+-quick}"
if [ -n "$QUICK" ]; then FIGURES="$OUT/figures"; else FIGURES="docs/study"; fi
mkdir -p "$OUT"
[ -s "$OUT/machine.md" ] || echo "Started $(date -u '+%Y-%m-%d %H:%M UTC'). $(machine_line)" > "$OUT/machine.md"
# One intra-op thread everywhere (the trainers also use one); set after the machine line, whose nproc would read it.
export OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE

"$BIN" study --config benchmarks/configs/study/study.json --out "$OUT" --jobs "$JOBS" $QUICK --figures "$FIGURES"
