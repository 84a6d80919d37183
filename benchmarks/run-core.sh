#!/usr/bin/env bash
# Core self-training benchmarks (issue 3): ML.NET (benchmarks/SelfTraining.Core) and scikit-learn
# (benchmarks/python/sklearn_selftraining.py) on the same MNIST-10k split, plus the streaming figure.
# Usage: bash benchmarks/run-core.sh [--quick]
# Writes benchmarks/results/core-<UTC date>/*.json and benchmarks/results/core-<UTC date>.md, prints the markdown.
set -euo pipefail

QUICK=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    *) echo "unknown argument: $arg (expected --quick)" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY=/usr/bin/python3

# 1. Debian packages: scikit-learn and an OpenBLAS (OpenMP) numpy backend. Idempotent; sudo only when not root.
source "$ROOT/benchmarks/python-reference.sh"
install_python_reference python3-sklearn python3-threadpoolctl

# 2. Build.
dotnet build benchmarks/SelfTraining.Core/SelfTraining.Core.csproj -c Release -nologo -v q >&2
BIN=benchmarks/SelfTraining.Core/bin/Release/net10.0/SelfTraining.Core

STAMP="$(date -u +%Y-%m-%d)"
OUT="benchmarks/results/core-$STAMP"
[ "$QUICK" -eq 1 ] && OUT="$OUT-quick"
mkdir -p "$OUT"
MD="$OUT.md"

if [ "$QUICK" -eq 1 ]; then
  K=(100); REPEATS=1; ITER=2; ROWS=(10000 100000); TREES=10
else
  K=(100 250 1000); REPEATS=3; ITER=10; ROWS=(10000 100000 1000000); TREES=50
fi

# 3. Run both sides in the same run.
{
  echo "# Core self-training benchmarks ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, $(. /etc/os-release; echo "$PRETTY_NAME"), .NET $(dotnet --version), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)."
  [ "$QUICK" -eq 1 ] && echo && echo "**Quick smoke run** (--quick): k=100, 1 repeat, $ITER rounds; not a measurement."
  echo
} > "$MD"

echo "== scikit-learn ==" >&2
$PY benchmarks/python/sklearn_selftraining.py --labeled "${K[@]}" --repeats "$REPEATS" --iterations "$ITER" \
  --output "$OUT/sklearn.json" | tee -a "$MD"
echo >> "$MD"

echo "== ML.NET: L-BFGS and SDCA ==" >&2
"$BIN" mnist --labeled "${K[@]}" --trainers LbfgsMaximumEntropy SdcaMaximumEntropy --normalized-for LbfgsMaximumEntropy \
  --repeats "$REPEATS" --iterations "$ITER" --sdca-iterations 30 --output "$OUT/mnist.json" | tee -a "$MD"
echo >> "$MD"

# LightGBM is the slowest trainer here: one run per configuration (its accuracy is deterministic: seed 1, 1 thread).
echo "== ML.NET: LightGBM ==" >&2
"$BIN" mnist --labeled "${K[@]}" --trainers LightGbm --normalized-for none --repeats 1 --iterations "$ITER" \
  --lightgbm-trees "$TREES" --output "$OUT/mnist-lightgbm.json" | tee -a "$MD"
echo >> "$MD"

echo "== ML.NET: streaming ==" >&2
"$BIN" stream --rows "${ROWS[@]}" --repeats "$REPEATS" --output "$OUT/stream.json" | tee -a "$MD"
echo >> "$MD"

# 4. ML.NET vs scikit-learn.
$PY benchmarks/python/compare_core.py "$OUT" | tee -a "$MD"
echo "Results: $MD and $OUT/" >&2
