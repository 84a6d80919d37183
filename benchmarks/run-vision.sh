#!/usr/bin/env bash
# Vision student benchmarks (issue 4): the library's TorchSharp SmallCnn as teacher and self-trained student on the
# canonical MNIST-10k split (benchmarks/SelfTraining.Vision), a PyTorch replica of the same network, split, policy,
# optimizer and schedule (benchmarks/python/vision), and the training/inference throughput of both.
#
# Usage: bash benchmarks/run-vision.sh [--quick] [--phase all|throughput|headline|study|long|levers|limits|fixmatch|elastic|goals] [--jobs N]
#   --quick   smoke run: 30 training steps per model, one seed, k = 100 only, 1 timed repeat (figures meaningless)
#   --phase   run one part only (default all); finished configurations (existing JSON) are skipped, so a run resumes
#   --jobs    accuracy runs in parallel (default 2; throughput runs are always alone)
# Writes benchmarks/results/vision-<UTC date>[-quick]/*.json and vision-<UTC date>[-quick].md, prints the markdown.
set -euo pipefail

QUICK=0; PHASE=all; JOBS=2
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --phase) PHASE="$2"; shift ;;
    --jobs) JOBS="$2"; shift ;;
    *) echo "unknown argument: $1 (expected --quick, --phase P, --jobs N)" >&2; exit 2 ;;
  esac
  shift
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY=/usr/bin/python3

# 1. Debian's PyTorch on the OpenMP OpenBLAS (idempotent; sudo only when not root).
source "$ROOT/benchmarks/python-reference.sh"
install_python_reference python3-torch python3-numpy
# One intra-op thread everywhere (the programs also call set_num_threads(1)); passive OpenMP waiting.
export OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE

# 2. Build.
dotnet build benchmarks/SelfTraining.Vision -c Release -v quiet -nologo >&2
BIN="benchmarks/SelfTraining.Vision/bin/Release/net10.0/SelfTraining.Vision"
SUFFIX=""; [ "$QUICK" -eq 1 ] && SUFFIX="-quick"
OUT="benchmarks/results/vision-$(date -u +%F)$SUFFIX"
mkdir -p "$OUT"

# 3. Throughput (figure c): one process at a time, ML.NET trainer/transformer, plain TorchSharp network, PyTorch.
if [ "$PHASE" = all ] || [ "$PHASE" = throughput ]; then
  STEPS=100; REPEATS=3
  [ "$QUICK" -eq 1 ] && { STEPS=10; REPEATS=1; }
  "$BIN" throughput --steps "$STEPS" --repeats "$REPEATS" -o "$OUT/throughput-torchsharp.json" >/dev/null
  "$BIN" throughput --raw --steps "$STEPS" --repeats "$REPEATS" -o "$OUT/throughput-torchsharp-raw.json" >/dev/null
  "$PY" benchmarks/python/vision/throughput.py --steps "$STEPS" --repeats "$REPEATS" -o "$OUT/throughput-pytorch.json" >/dev/null
fi

# 4. Accuracy runs (figures a, b): one line per run
#    "impl k policy seed teacherSteps studentSteps rounds labels(hard|soft) norm(norm|plain) threshold
#     [studentPolicy(= for --policy) [studentStochasticDepth [variant]]]", variant: base, or "-"-joined tokens: rescore
#     (each round re-labels every unlabeled image), ratioN (N pseudo rows per human row), wN (network width N), rotN
#     (random rotation up to N degrees), svhn (AutoAugment's SVHN policy), onNN (students re-label online at 0.NN),
#     balance (Noisy Student class balancing of the pseudo labels), lrX (peak learning rate X instead of 0.001), mask
#     (with onNN: unconfident pseudo rows leave the loss, FixMatch), emaNNN (students keep a 0.NNN weight average), elN
#     (elastic distortion of strength N pixels, sigma 4), init (each round's student starts from that round's teacher), mt (with onNN and emaNNN: the weight average labels
#     online, a mean teacher).
JOBFILE="$(mktemp)"
trap 'rm -f "$JOBFILE"' EXIT
add() { echo "$*" >> "$JOBFILE"; }
if [ "$QUICK" -eq 1 ]; then
  STEPS=30; SEEDS="1"; KS="100"
else
  STEPS=500; SEEDS="1 2"; KS="100 250 1000"
fi
# Headline: teacher with S2 (AutoAugment + scale jitter) and no stochastic depth; noised student with S4 (RandAugment +
# large scale jitter) and stochastic depth 0.2, hard pseudo labels above 0.9, loss normalization, one round; the same in
# PyTorch.
if [ "$PHASE" = all ] || [ "$PHASE" = headline ]; then
  for k in $KS; do for seed in $SEEDS; do
    add mlnet "$k" S2 "$seed" "$STEPS" "$STEPS" 1 hard norm 0.9 S4 0.2
    add pytorch "$k" S2 "$seed" "$STEPS" "$STEPS" 1 hard norm 0.9 S4 0.2
  done; done
fi
if [ "$PHASE" = all ] || [ "$PHASE" = study ]; then
  add mlnet 100 S1 1 "$STEPS" "$STEPS" 1 hard norm 0.9
  add mlnet 100 S1 1 "$STEPS" "$STEPS" 1 hard norm 0.99
  add mlnet 100 S1 1 "$STEPS" "$STEPS" 1 soft norm 0.9
  add mlnet 100 S1 1 "$STEPS" "$STEPS" 1 hard norm 0.9 S4 0.2
  add pytorch 100 S1 1 "$STEPS" "$STEPS" 1 hard norm 0.9 S4 0.2
  add mlnet 100 S1 1 "$STEPS" "$STEPS" 2 hard norm 0.9
  add mlnet 100 S1 1 "$STEPS" "$STEPS" 1 hard plain 0.9
  for policy in None S2 S3 S4; do add mlnet 100 "$policy" 1 "$STEPS" "$STEPS" 1 hard norm 0.9; done
  add pytorch 100 S1 1 "$STEPS" "$STEPS" 1 hard norm 0.9
  add pytorch 100 None 1 "$STEPS" "$STEPS" 1 hard norm 0.9
  add pytorch 100 S1 1 "$STEPS" "$STEPS" 1 hard plain 0.9
  # k = 1000 diagnostics (the headline student falls below its teacher there): a plainer student, and a 3× longer one.
  add mlnet 1000 S2 1 "$STEPS" "$STEPS" 1 hard norm 0.9
  add mlnet 1000 S2 1 "$STEPS" "$((3 * STEPS))" 1 hard norm 0.9 S4 0.2
  # S2 teacher and S2 student (the best setting found above at k = 100 and 1000): every k, 2 seeds, both sides.
  for k in 100 250 1000; do for seed in 1 2; do for impl in mlnet pytorch; do
    add "$impl" "$k" S2 "$seed" "$STEPS" "$STEPS" 1 hard norm 0.9
  done; done; done
fi

# Longer students (this session's follow-up): S2 teacher (500 steps) and S2 student trained 3x longer (1500 steps), every k,
# 2 seeds, both sides; 2 rounds with pseudo labels kept or re-labeled each round (Noisy Student), plain loss, a 1:3
# batch mix; and the supervised ceiling of this network and budget (k = 6630: 663 true labels per class, the most the
# split allows; no rounds).
if [ "$PHASE" = all ] || [ "$PHASE" = long ]; then
  LONG=$((3 * STEPS))
  for k in $KS; do for seed in $SEEDS; do for impl in mlnet pytorch; do
    add "$impl" "$k" S2 "$seed" "$STEPS" "$LONG" 1 hard norm 0.9
  done; done; done
  add mlnet 100 S2 1 "$STEPS" "$LONG" 2 hard norm 0.9 = 0 rescore
  add mlnet 100 S2 1 "$STEPS" "$LONG" 2 hard norm 0.9                   # 2 rounds, pseudo labels kept
  add mlnet 1000 S2 1 "$STEPS" "$LONG" 2 hard norm 0.9
  add mlnet 100 S2 1 "$STEPS" "$LONG" 1 hard plain 0.9
  add mlnet 100 S2 1 "$STEPS" "$LONG" 1 hard norm 0.9 = 0 ratio3        # 3 pseudo rows per human row
  add pytorch 100 S2 1 "$STEPS" "$LONG" 2 hard norm 0.9 = 0 rescore
  add mlnet 100 S2 1 "$STEPS" "$LONG" 3 hard norm 0.9 = 0 rescore
  add pytorch 100 S2 1 "$STEPS" "$LONG" 3 hard norm 0.9 = 0 rescore
  add mlnet 250 S2 1 "$STEPS" "$LONG" 3 hard norm 0.9 = 0 rescore
  add mlnet 1000 S2 1 "$STEPS" "$LONG" 3 hard norm 0.9 = 0 rescore
  add mlnet 100 S2 2 "$STEPS" "$LONG" 3 hard norm 0.9 = 0 rescore
  add mlnet 250 S2 2 "$STEPS" "$LONG" 3 hard norm 0.9 = 0 rescore
  add mlnet 6630 S2 1 "$LONG" "$LONG" 0 hard norm 0.9
fi

# Levers beyond the paper's recipe (third session): digit-friendly augmentation for the k = 100 teacher, a wider network
# for the supervised ceiling and for k = 1000, online re-labeling by the student (FixMatch-style), and 5 re-labeled rounds
# (each round's student is evaluated, so one run gives the 1…5-round curve).
if [ "$PHASE" = all ] || [ "$PHASE" = levers ]; then
  LONG=$((3 * STEPS))
  add mlnet 1000 S2 1 "$STEPS" "$LONG" 3 hard norm 0.9 = 0 rescore-w64
  for seed in 1 2; do
    for impl in mlnet pytorch; do add "$impl" 100 S2 "$seed" "$STEPS" "$LONG" 5 hard norm 0.9 = 0 rescore; done
    add mlnet 250 S2 "$seed" "$STEPS" "$LONG" 5 hard norm 0.9 = 0 rescore
  done
  for variant in rot15 svhn; do add mlnet 100 S2 1 "$STEPS" "$STEPS" 0 hard norm 0.9 = 0 "$variant"; done
  add mlnet 100 S2 1 "$STEPS" "$STEPS" 0 hard norm 0.9
  add mlnet 100 S4 1 "$STEPS" "$STEPS" 0 hard norm 0.9 = 0 rot15
  add mlnet 100 S1 1 "$STEPS" "$STEPS" 0 hard norm 0.9 = 0 rot15
  add mlnet 6630 S2 1 "$LONG" "$LONG" 0 hard norm 0.9 = 0 rot10
  add mlnet 6630 S2 1 "$LONG" "$LONG" 0 hard norm 0.9 = 0 w64
  add mlnet 100 S2 1 "$STEPS" "$LONG" 1 hard norm 0.9 = 0 on95
  add mlnet 100 S2 1 "$STEPS" "$LONG" 3 hard norm 0.9 = 0 rescore-on95
  add mlnet 100 S2 1 "$STEPS" "$LONG" 1 hard norm 0.5 = 0 on95
  add mlnet 1000 S2 1 "$STEPS" "$LONG" 1 hard norm 0.9 = 0 w64-on95
fi

# Limits (fourth session): is the supervised ceiling set by the training budget, the augmentation or the learning rate
# (all 6,630 true labels: 3x the steps, S1 instead of S2, peak learning rate 0.003), and the paper's class balancing of
# the pseudo labels (Noisy Student; the students read the multiplicities as example weights) over 3 re-labeled rounds.
if [ "$PHASE" = all ] || [ "$PHASE" = limits ]; then
  LONG=$((3 * STEPS))
  for seed in 1 2; do for rounds in 3 5; do add mlnet 100 S2 "$seed" "$STEPS" "$LONG" "$rounds" hard norm 0.9 = 0 rescore-balance; done; done
  for k in 250 1000; do add mlnet "$k" S2 1 "$STEPS" "$LONG" 3 hard norm 0.9 = 0 rescore-balance; done
  add mlnet 6630 S2 1 "$((9 * STEPS))" "$LONG" 0 hard norm 0.9
  add mlnet 6630 S1 1 "$LONG" "$LONG" 0 hard norm 0.9
  add mlnet 6630 S1 1 "$LONG" "$LONG" 0 hard norm 0.9 = 0 lr0.003
fi

# FixMatch-style students (fifth session): every unlabeled image is a candidate (threshold 0), the student re-labels its
# pseudo rows online at 0.95 on the un-augmented image and leaves the unconfident ones out of the loss (mask), so the
# teacher's labels are never targets; 1:1 or 1:3 batch mix, a 0.999 weight average, 2x longer training (8,000 steps);
# then the 4,000-step setting at k = 250 and 1000, and in PyTorch.
if [ "$PHASE" = all ] || [ "$PHASE" = fixmatch ]; then
  FM=$((8 * STEPS))
  add mlnet 100 S2 1 "$STEPS" "$((6 * STEPS))" 1 hard norm 0 = 0 on95-mask
  for seed in 1 2; do
    add mlnet 100 S2 "$seed" "$STEPS" "$FM" 1 hard norm 0 = 0 ratio3-on95-mask
    add mlnet 100 S2 "$seed" "$STEPS" "$FM" 1 hard norm 0 = 0 ratio3-on95-mask-ema999
    add mlnet 100 S2 "$seed" "$STEPS" "$((2 * FM))" 1 hard norm 0 = 0 ratio3-on95-mask-ema999
    add mlnet 250 S2 "$seed" "$STEPS" "$FM" 1 hard norm 0 = 0 ratio3-on95-mask-ema999
  done
  for seed in 1 2; do add mlnet 1000 S2 "$seed" "$STEPS" "$FM" 1 hard norm 0 = 0 ratio3-on95-mask-ema999; done
  add mlnet 100 S2 1 "$STEPS" "$FM" 1 hard norm 0 = 0 ratio3-on98-mask-ema999
  for k in 100 250; do add pytorch "$k" S2 1 "$STEPS" "$FM" 1 hard norm 0 = 0 ratio3-on95-mask-ema999; done
fi

# Strong augmentation for digits (sixth session): Simard et al.'s elastic distortion (el16, el34) on the supervised
# ceiling, then in the FixMatch-style student of the phase above, with the paper's loss normalization and without it
# (plain L_h + L_p, FixMatch's own loss).
if [ "$PHASE" = all ] || [ "$PHASE" = elastic ]; then
  FM=$((8 * STEPS))
  for alpha in 16 34; do add mlnet 6630 S2 1 "$((3 * STEPS))" "$((3 * STEPS))" 0 hard norm 0.9 = 0 "el$alpha"; done
  for seed in 1 2; do add mlnet 100 S2 "$seed" "$STEPS" "$FM" 1 hard norm 0 = 0 ratio3-on95-mask-ema999-el16; done
  add mlnet 100 S2 1 "$STEPS" "$FM" 1 hard norm 0 = 0 ratio3-on95-mask-ema999-el34
  for seed in 1 2; do add mlnet 100 S2 "$seed" "$STEPS" "$FM" 1 hard plain 0 = 0 ratio3-on95-mask-ema999-el16; done
  for seed in 1 2; do add mlnet 250 S2 "$seed" "$STEPS" "$FM" 1 hard plain 0 = 0 ratio3-on95-mask-ema999-el16; done
  add mlnet 1000 S2 1 "$STEPS" "$FM" 1 hard plain 0 = 0 ratio3-on95-mask-ema999-el16
  add pytorch 100 S2 1 "$STEPS" "$FM" 1 hard plain 0 = 0 ratio3-on95-mask-ema999-el16
fi

# The k = 250 / 1000 goals (seventh session): the PyTorch replica of the elastic FixMatch student at k = 250 and 1000, a
# second k = 1000 seed, 2x longer k = 250 students, the supervised ceiling at the students' 4,000 steps with elastic
# distortion, students that start from the teacher (SelfTrainingOptions.InitializeStudentFromTeacher), and students whose
# weight average labels online (RelabelWithWeightAverage, a mean teacher).
if [ "$PHASE" = all ] || [ "$PHASE" = goals ]; then
  FM=$((8 * STEPS)); EL=ratio3-on95-mask-ema999-el16
  # What elastic distortion costs in training images/s (S2 with and without it, one process per side, run alone).
  TS=100; TR=3; [ "$QUICK" -eq 1 ] && { TS=10; TR=1; }
  [ -s "$OUT/throughput-elastic-torchsharp.json" ] || "$BIN" throughput --policies S2 --elastic 16 --steps "$TS" --repeats "$TR" -o "$OUT/throughput-elastic-torchsharp.json" >/dev/null
  [ -s "$OUT/throughput-elastic-pytorch.json" ] || "$PY" benchmarks/python/vision/throughput.py --policies S2 --elastic 16 --steps "$TS" --repeats "$TR" -o "$OUT/throughput-elastic-pytorch.json" >/dev/null
  for k in 250 1000; do add pytorch "$k" S2 1 "$STEPS" "$FM" 1 hard plain 0 = 0 "$EL"; done   # k = 1000 seed 2 below
  add mlnet 1000 S2 2 "$STEPS" "$FM" 1 hard plain 0 = 0 "$EL"
  for seed in 1 2; do add mlnet 250 S2 "$seed" "$STEPS" "$((2 * FM))" 1 hard plain 0 = 0 "$EL"; done
  add mlnet 6630 S2 1 "$FM" "$FM" 0 hard norm 0.9 = 0 el16
  for seed in 1 2; do for lever in init mt; do add mlnet 250 S2 "$seed" "$STEPS" "$FM" 1 hard plain 0 = 0 "$EL-$lever"; done; done
  add pytorch 1000 S2 2 "$STEPS" "$FM" 1 hard plain 0 = 0 "$EL"
  add mlnet 1000 S2 1 "$STEPS" "$FM" 1 hard plain 0 = 0 "$EL-init"
  for seed in 1 2; do add mlnet 250 S2 "$seed" "$STEPS" "$((2 * FM))" 1 hard plain 0 = 0 "$EL-init"; done
fi

run_one() {
  local impl=$1 k=$2 policy=$3 seed=$4 t=$5 s=$6 rounds=$7 labels=$8 norm=$9 threshold=${10} spolicy=${11:-=} sdepth=${12:-0} variant=${13:-base}
  local name="$impl-k$k-$policy-$labels-$norm-r$rounds-th$threshold-t$t-s$s-seed$seed"
  [ "$spolicy" != "=" ] && name="$name-student$spolicy-sd$sdepth"
  [ "$variant" != base ] && name="$name-$variant"
  local file="$OUT/$name.json"
  [ -s "$file" ] && return 0
  mkdir "$OUT/$name.lock" 2>/dev/null || return 0     # another invocation is running it
  local extra=()
  [ "$labels" = soft ] && extra+=(--soft)
  [ "$norm" = plain ] && extra+=(--no-normalize)
  [ "$spolicy" != "=" ] && extra+=(--student-policy "$spolicy" --student-stochastic-depth "$sdepth")
  local token
  for token in ${variant//-/ }; do
    case "$token" in
      base) ;;
      rescore) extra+=(--rescore) ;;
      ratio*) extra+=(--pseudo-ratio "${token#ratio}") ;;
      w*) extra+=(--width "${token#w}") ;;
      rot*) extra+=(--rotation "${token#rot}") ;;
      el*) extra+=(--elastic "${token#el}") ;;
      svhn) extra+=(--autoaugment-policy SVHN) ;;
      on*) extra+=(--online-threshold "0.${token#on}") ;;
      balance) extra+=(--balance) ;;
      mask) extra+=(--online-mask) ;;
      ema*) extra+=(--weight-average "0.${token#ema}") ;;
      lr*) extra+=(--learning-rate "${token#lr}") ;;
      init) extra+=(--from-teacher) ;;
      mt) extra+=(--mean-teacher) ;;
      *) echo "unknown variant token: $token" >&2; return 1 ;;
    esac
  done
  local args=(-k "$k" --policy "$policy" --seed "$seed" --teacher-steps "$t" --student-steps "$s" --rounds "$rounds" --threshold "$threshold" "${extra[@]}" -o "$file")
  echo "start $name $(date -u +%T)" >&2
  if [ "$impl" = mlnet ]; then "$BIN" selftrain "${args[@]}" > "$OUT/$name.log" 2>&1
  else "$PY" benchmarks/python/vision/selftrain.py "${args[@]}" > "$OUT/$name.log" 2>&1; fi
  rmdir "$OUT/$name.lock"
  echo "done  $name $(date -u +%T)" >&2
}
export -f run_one
export BIN PY OUT
if [ -s "$JOBFILE" ]; then
  xargs -P "$JOBS" -L 1 bash -c 'run_one "$@"' _ < "$JOBFILE"
fi

# 5. Report.
"$PY" benchmarks/python/vision/report.py "$OUT" > "$OUT.md"
cat "$OUT.md"
