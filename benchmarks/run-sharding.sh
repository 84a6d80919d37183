#!/usr/bin/env bash
# Sharded pseudo-labeling benchmarks (issue 20): benchmarks/Sharding, with the built mlnet-selftraining tool as the
# worker processes (LocalProcessShardRunner) and the silos of an in-process Orleans test cluster (OrleansShardRunner).
# Usage: bash benchmarks/run-sharding.sh [--quick] [--out DIR]
#   --quick  smoke run (~3 min): 100,000 rows, 200 images (teachers trained 5 steps), 1 repeat; not a measurement
#   --out    result folder (default benchmarks/results/sharding-<UTC date>[-quick])
# Full run (about 13 min after the build on an idle 2-core machine: 04:09–04:22 and 04:42–04:55 UTC on 2026-12-06): 1,000,000 rows (figure 1 scores them 4 times: 4,000,000), 2,000
# images at 96x96 (detector and segmenter, 40 steps each), the MNIST rounds, 3 repeats of every arm, interleaved; the
# pinned arms need taskset (util-linux). Writes DIR/*.json and DIR.md, prints the markdown. Inputs, teachers and shards go to a
# temporary folder (about 0.6 GB for the full run), deleted at the end.
set -euo pipefail

QUICK=0; OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --out) OUT="$2"; shift ;;
    *) echo "unknown argument: $1 (expected --quick, --out DIR)" >&2; exit 2 ;;
  esac
  shift
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source "$ROOT/benchmarks/machine.sh"

# 1. Build: the benchmark and, through its project reference, the tool (src/MLNet.SelfTraining.Tool, net10.0).
dotnet build benchmarks/Sharding/Sharding.csproj -c Release -m:1 -nologo -v q >&2
BIN=benchmarks/Sharding/bin/Release/net10.0/Sharding
TOOL="$ROOT/src/MLNet.SelfTraining.Tool/bin/Release/net10.0/mlnet-selftraining.dll"

if [ -z "$OUT" ]; then
  OUT="benchmarks/results/sharding-$(date -u +%Y-%m-%d)"
  [ "$QUICK" -eq 1 ] && OUT="$OUT-quick"
fi
mkdir -p "$OUT"
MD="$OUT.md"
WORK="$(mktemp -d -t mlnet-sharding-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

if [ "$QUICK" -eq 1 ]; then
  REPEATS=1; ROWS=100000; PART_ROWS=25000; IMAGES=200; LABELED_SCENES=40; STEPS=5
else
  REPEATS=3; ROWS=1000000; PART_ROWS=250000; IMAGES=2000; LABELED_SCENES=200; STEPS=40
fi

{
  echo "# Sharded pseudo-labeling benchmarks ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  machine_line
  echo
  echo "Workers: \`dotnet $TOOL\` processes (LocalProcessShardRunner). Command: \`bash benchmarks/run-sharding.sh$([ "$QUICK" -eq 1 ] && echo ' --quick')\`."
  [ "$QUICK" -eq 1 ] && echo && echo "**Quick smoke run** (--quick): $ROWS rows, $IMAGES images, teachers of $STEPS steps, 1 repeat; not a measurement."
  echo
} > "$MD"

# 2. Measure, one figure after the other (each interleaves its own arms).
echo "== tabular: throughput against workers, shard overhead ==" >&2
"$BIN" tabular --rows "$ROWS" --part-rows "$PART_ROWS" --repeats "$REPEATS" --work "$WORK" --tool "$TOOL" -o "$OUT/tabular.json" >> "$MD"
echo "== images: detector and segmenter at 96x96 ==" >&2
"$BIN" images --images "$IMAGES" --labeled "$LABELED_SCENES" --steps "$STEPS" --repeats "$REPEATS" --work "$WORK" --tool "$TOOL" -o "$OUT/images.json" >> "$MD"
echo "== round: the student's rounds, sharded vs single-process ==" >&2
"$BIN" round --repeats "$REPEATS" --tool "$TOOL" -o "$OUT/round.json" >> "$MD"
"$BIN" paper --tabular "$OUT/tabular.json" --images "$OUT/images.json" >> "$MD"
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)." >> "$MD"

cat "$MD"
echo "Results: $MD and $OUT/" >&2
