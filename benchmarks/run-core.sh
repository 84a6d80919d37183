#!/usr/bin/env bash
# Core self-training benchmarks (issue 3): ML.NET (benchmarks/SelfTraining.Core) and scikit-learn
# (benchmarks/python/sklearn_selftraining.py) on the same MNIST-10k split, plus the streaming figure.
# Usage: bash benchmarks/run-core.sh [--quick] [--split canonical|random:SEED] [--headline | --guard] [--labeled K,K,...] [--out DIR]
#   --quick     smoke run (~1 min): k = 100, 1 repeat, 2 rounds, N <= 100k
#   --split     the MNIST-10k split of the accuracy runs (default canonical; random:SEED is MnistSplit.Random)
#   --headline  scikit-learn vs ML.NET L-BFGS (Fixed alpha = 1) only: no Normalized weighting, SDCA, LightGBM or streaming
#   --guard     the validation guard (issue 19): L-BFGS (L2 = 1, and ML.NET's defaults), SDCA and LightGBM, each with the
#               guard off, on (the library's default) and on with the threshold grid 0.75 / 0.9; the hold-out guard with
#               and without refit (L-BFGS); scikit-learn at thresholds 0.75 and 0.9; one repeat (accuracies are
#               deterministic; times are single runs)
#   --labeled   the labeled-row counts k of the accuracy runs (default 100,250,1000; --quick: 100), e.g. to run the
#               --guard figure's k values in two processes writing to the same --out
#   --out       result folder (default benchmarks/results/core-<UTC date>[-random<SEED>][-quick])
# Writes DIR/*.json and DIR.md, prints the markdown.
set -euo pipefail

QUICK=0; SPLIT=canonical; HEADLINE=0; GUARD=0; OUT=""; LABELED=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --split) SPLIT="$2"; shift ;;
    --headline) HEADLINE=1 ;;
    --guard) GUARD=1 ;;
    --labeled) LABELED="$2"; shift ;;
    --out) OUT="$2"; shift ;;
    *) echo "unknown argument: $1 (expected --quick, --split S, --headline, --guard, --labeled K,K,..., --out DIR)" >&2; exit 2 ;;
  esac
  shift
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY=/usr/bin/python3

# 1. Debian packages: scikit-learn and an OpenBLAS (OpenMP) numpy backend. Idempotent; sudo only when not root.
source "$ROOT/benchmarks/python-reference.sh"
source "$ROOT/benchmarks/machine.sh"
install_python_reference python3-sklearn python3-threadpoolctl

# 2. Build.
dotnet build benchmarks/SelfTraining.Core/SelfTraining.Core.csproj -c Release -nologo -v q >&2
BIN=benchmarks/SelfTraining.Core/bin/Release/net10.0/SelfTraining.Core

if [ -z "$OUT" ]; then
  OUT="benchmarks/results/core-$(date -u +%Y-%m-%d)"
  [ "$SPLIT" != canonical ] && OUT="$OUT-${SPLIT/:/}"
  [ "$GUARD" -eq 1 ] && OUT="$OUT-guard"
  [ -n "$LABELED" ] && OUT="$OUT-k${LABELED//[, ]/-}"
  [ "$QUICK" -eq 1 ] && OUT="$OUT-quick"
fi
mkdir -p "$OUT"
MD="$OUT.md"

if [ "$QUICK" -eq 1 ]; then
  K=(100); REPEATS=1; ITER=2; ROWS=(10000 100000); TREES=10
else
  K=(100 250 1000); REPEATS=3; ITER=10; ROWS=(10000 100000 1000000); TREES=50
fi

[ "$GUARD" -eq 1 ] && [ "$QUICK" -eq 1 ] && { K=(100); ITER=2; }
[ -n "$LABELED" ] && IFS=', ' read -r -a K <<< "$LABELED"

if [ "$GUARD" -eq 1 ]; then
  {
    echo "# Validation-guarded self-training ($(date -u '+%Y-%m-%d %H:%M UTC'))"
    echo
    machine_line
    echo
    echo "Split: $SPLIT. One run per configuration; $ITER rounds at most; threshold 0.75 unless chosen from the grid."
    echo
  } > "$MD"
  # k outermost and ML.NET first, one JSON per step: a run cut short still leaves whole steps behind.
  GRID=(--threshold-grid 0.75 0.9)
  for k in "${K[@]}"; do
    for TRAINER in LbfgsMaximumEntropy LbfgsDefaults SdcaMaximumEntropy LightGbm; do
      echo "== k = $k: ML.NET $TRAINER ==" >&2
      "$BIN" mnist --labeled "$k" --trainers "$TRAINER" --normalized-for none --repeats 1 --iterations "$ITER" --sdca-iterations 30 \
        --lightgbm-trees "$TREES" --split "$SPLIT" --guards off auto auto+grid "${GRID[@]}" --output "$OUT/guard-k$k-$TRAINER.json" >> "$MD"
      echo >> "$MD"
    done
    for T in 0.75 0.9; do
      echo "== k = $k: scikit-learn, threshold $T ==" >&2
      $PY benchmarks/python/sklearn_selftraining.py --labeled "$k" --repeats 1 --iterations "$ITER" --threshold "$T" --split "$SPLIT" \
        --output "$OUT/sklearn-$T-k$k.json" >> "$MD"
      echo >> "$MD"
    done
  done
  echo "== ML.NET: L-BFGS hold-out, refit or not ==" >&2
  "$BIN" mnist --labeled "${K[@]}" --trainers LbfgsMaximumEntropy --normalized-for none --repeats 1 --iterations "$ITER" --split "$SPLIT" \
    --guards holdout holdout-norefit --output "$OUT/guard-holdout.json" >> "$MD"
  echo >> "$MD"
  $PY benchmarks/python/guard_report.py "$OUT" | tee -a "$MD"
  echo "Results: $MD and $OUT/" >&2
  exit 0
fi

# 3. Run both sides in the same run.
{
  echo "# Core self-training benchmarks ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  machine_line
  echo
  echo "Split: $SPLIT."
  [ "$QUICK" -eq 1 ] && echo && echo "**Quick smoke run** (--quick): k=100, 1 repeat, $ITER rounds; not a measurement."
  echo
} > "$MD"

echo "== scikit-learn ==" >&2
$PY benchmarks/python/sklearn_selftraining.py --labeled "${K[@]}" --repeats "$REPEATS" --iterations "$ITER" --split "$SPLIT" \
  --output "$OUT/sklearn.json" | tee -a "$MD"
echo >> "$MD"

if [ "$HEADLINE" -eq 1 ]; then
  TRAINERS=(--trainers LbfgsMaximumEntropy --normalized-for none)
else
  TRAINERS=(--trainers LbfgsMaximumEntropy SdcaMaximumEntropy --normalized-for LbfgsMaximumEntropy)
fi
echo "== ML.NET: ${TRAINERS[*]} ==" >&2
"$BIN" mnist --labeled "${K[@]}" "${TRAINERS[@]}" --repeats "$REPEATS" --iterations "$ITER" --sdca-iterations 30 --split "$SPLIT" \
  --output "$OUT/mnist.json" | tee -a "$MD"
echo >> "$MD"

if [ "$HEADLINE" -eq 0 ]; then
  # LightGBM is the slowest trainer here: one run per configuration (its accuracy is deterministic: seed 1, 1 thread).
  echo "== ML.NET: LightGBM ==" >&2
  "$BIN" mnist --labeled "${K[@]}" --trainers LightGbm --normalized-for none --repeats 1 --iterations "$ITER" \
    --lightgbm-trees "$TREES" --split "$SPLIT" --output "$OUT/mnist-lightgbm.json" | tee -a "$MD"
  echo >> "$MD"

  echo "== ML.NET: streaming ==" >&2
  "$BIN" stream --rows "${ROWS[@]}" --repeats "$REPEATS" --output "$OUT/stream.json" | tee -a "$MD"
  echo >> "$MD"
fi

# 4. ML.NET vs scikit-learn.
$PY benchmarks/python/compare_core.py "$OUT" | tee -a "$MD"
echo "Results: $MD and $OUT/" >&2
