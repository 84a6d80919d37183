#!/usr/bin/env bash
# Vision student benchmarks (issues 4, 14 and 15): the runs of phase files (benchmarks/configs/vision/*.json: a question and the runs
# that answer it; format in benchmarks/README.md). ML.NET runs go to benchmarks/SelfTraining.Vision (the library's
# TorchSharp SmallCnn through ML.NET), PyTorch runs to benchmarks/python/vision (a replica of the same network, split,
# policy, optimizer and schedule); both read the run from the phase file.
#
# Usage: bash benchmarks/run-vision.sh [--phase P]... [--quick] [--jobs N] [--out DIR]
#   --phase   a phase file's name (e.g. paper-recipe), its former name (e.g. study), a path, or all (the default)
#   --quick   smoke run: seed-1 runs only, every step count x 3/50 (500 -> 30), one timed repeat (figures meaningless)
#   --jobs    self-training, segmentation and detection runs in parallel (default 2); throughput runs go first, one at a time
#   --out     result folder (default benchmarks/results/vision-<UTC date>[-quick])
# Writes DIR/<run id>.json and .log (a run whose JSON exists is skipped, so a run resumes) and DIR.md; prints the markdown.
# Segmentation and detection runs: the scenes are exported once per phase file to DIR/scenes (for the PyTorch replicas;
# the ML.NET runs generate the same bytes) and trained teachers are cached in DIR/teachers, shared by the runs with the
# same teacher. PyTorch detection runs write their test detections to DIR/detections and score them with the ML.NET
# program's detect-eval (one evaluator for both implementations).
set -euo pipefail

PHASES=(); QUICK=""; JOBS=2; OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --phase) PHASES+=("$2"); shift ;;
    --quick) QUICK="--quick" ;;
    --jobs) JOBS="$2"; shift ;;
    --out) OUT="$2"; shift ;;
    *) echo "unknown argument: $1 (expected --phase P, --quick, --jobs N, --out DIR)" >&2; exit 2 ;;
  esac
  shift
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY=/usr/bin/python3

# 1. Debian's PyTorch on the OpenMP OpenBLAS (idempotent; sudo only when not root).
source "$ROOT/benchmarks/python-reference.sh"
install_python_reference python3-torch python3-torchvision python3-numpy
# One intra-op thread everywhere (the programs also call set_num_threads(1)); passive OpenMP waiting.
export OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE

# 2. Build.
dotnet build benchmarks/SelfTraining.Vision -c Release -v quiet -nologo >&2
BIN="benchmarks/SelfTraining.Vision/bin/Release/net10.0/SelfTraining.Vision"
[ -n "$OUT" ] || OUT="benchmarks/results/vision-$(date -u +%F)${QUICK:+-quick}"
mkdir -p "$OUT"

# 3. The runs, one line each: phase file, run id, kind (selftrain | throughput | segment | detect | finetune), implementation (mlnet | pytorch).
RUNS="$(mktemp)"
trap 'rm -f "$RUNS"' EXIT
if [ ${#PHASES[@]} -eq 0 ] || [ "${PHASES[0]}" = all ]; then PHASES=(benchmarks/configs/vision/*.json); fi
for phase in "${PHASES[@]}"; do
  file="$("$PY" benchmarks/python/phases.py path "$phase")"
  "$PY" benchmarks/python/phases.py list "$file" $QUICK | sed "s|^|$file |" >> "$RUNS"
done

# The scenes of each phase file's segment and detect runs, for the Python replicas.
for file in $(awk '$3 == "segment" || $3 == "detect" { print $1 }' "$RUNS" | sort -u); do
  "$BIN" scenes-export --config "$file" $QUICK --out "$OUT/scenes" >&2
done

# The kind names both the C# command and the Python script: selftrain, throughput, segment, detect (finetune: C# only).
run_one() {
  local file=$1 id=$2 kind=$3 impl=$4
  [ -s "$OUT/$id.json" ] && return 0
  mkdir "$OUT/$id.lock" 2>/dev/null || return 0     # another invocation is running it
  local args=(--config "$file" --run "$id" $QUICK -o "$OUT/$id.json") status=done
  echo "start $id $(date -u +%T)" >&2
  if [ "$impl" = mlnet ]; then "$BIN" "$kind" "${args[@]}" > "$OUT/$id.log" 2>&1 || status=FAILED
  else "$PY" "benchmarks/python/vision/$kind.py" "${args[@]}" > "$OUT/$id.log" 2>&1 || status=FAILED; fi
  rmdir "$OUT/$id.lock"
  echo "$status $id $(date -u +%T)" >&2
}
export -f run_one
export BIN PY OUT QUICK
awk '$3 == "throughput"' "$RUNS" | xargs -r -L 1 bash -c 'run_one "$@"' _
awk '$3 == "selftrain" || $3 == "segment" || $3 == "detect" || $3 == "finetune"' "$RUNS" | xargs -r -P "$JOBS" -L 1 bash -c 'run_one "$@"' _

# 4. Report.
"$PY" benchmarks/python/vision/report.py "$OUT" > "$OUT.md"
cat "$OUT.md"
