#!/usr/bin/env bash
# Deployment size (issue 17): a published application that scores MNIST digits with the sample's CNN student as a plain
# ML.NET zip (ONNX inside; tests/MLNet.SelfTraining.OnnxConsumer: Microsoft.ML + OnnxTransformer + ONNX Runtime) against
# one that scores the same model as a TorchSharp classifier archive (benchmarks/Deployment/ArchiveConsumer: the Vision
# library, TorchSharp, libtorch). Both are published framework-dependent for linux-x64 and run with the same arguments.
#
# Usage: bash benchmarks/run-deployment.sh [--models DIR] [--repeats N] [--out DIR]
#   --models   a folder where the README's sample ran (MnistCnnModel.zip, MnistCnnModel.mlnet,
#              MnistCnnModel.test-images.tsv); default: run the sample (about 4 minutes) in DIR/sample
#   --repeats  runs of each (application, image count) pair, interleaved (default 5)
#   --out      result folder (default benchmarks/results/deployment-<UTC date>)
# Measures the published folder's size, the wall time and peak RSS of a run on 1 image (start-up: process start, model
# load, one prediction, Evaluate) and on 2,000 images (the sample's 500 test images four times); images/s is
# 1,999 / (median time on 2,000 - median time on 1). Checks that both give the same classes and scores within 1e-4.
# Writes DIR/runs.tsv, DIR.md and prints the markdown.
set -euo pipefail

MODELS=""; REPEATS=5; OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --models) MODELS="$2"; shift ;;
    --repeats) REPEATS="$2"; shift ;;
    --out) OUT="$2"; shift ;;
    *) echo "unknown argument: $1 (expected --models DIR, --repeats N, --out DIR)" >&2; exit 2 ;;
  esac
  shift
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source "$ROOT/benchmarks/python-reference.sh"
source "$ROOT/benchmarks/machine.sh"
# GNU time for the peak RSS (Debian package "time"); installed like the Python reference's packages.
[ -x /usr/bin/time ] || install_python_reference time
[ -n "$OUT" ] || OUT="benchmarks/results/deployment-$(date -u +%F)"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

if [ -z "$MODELS" ]; then
  MODELS="$OUT/sample"
  mkdir -p "$MODELS"
  echo "== the README's sample, for its CNN student (MnistCnnModel.zip and .mlnet) ==" >&2
  dotnet build samples/MnistSelfTraining -c Release -nologo -v q >&2
  (cd "$MODELS" && dotnet "$ROOT/samples/MnistSelfTraining/bin/Release/net10.0/MnistSelfTraining.dll" > sample.log 2>&1)
fi
MODELS="$(cd "$MODELS" && pwd)"
for f in MnistCnnModel.zip MnistCnnModel.mlnet MnistCnnModel.test-images.tsv; do
  [ -s "$MODELS/$f" ] || { echo "missing $MODELS/$f: run the README's sample there first, or leave out --models" >&2; exit 2; }
done

echo "== publish (Release, linux-x64, framework-dependent) ==" >&2
rm -rf "$OUT/publish"
dotnet publish tests/MLNet.SelfTraining.OnnxConsumer -c Release -r linux-x64 --self-contained false -nologo -v q -o "$OUT/publish/onnx" >&2
dotnet publish benchmarks/Deployment/ArchiveConsumer -c Release -r linux-x64 --self-contained false -nologo -v q -o "$OUT/publish/archive" >&2
head -n 1 "$MODELS/MnistCnnModel.test-images.tsv" > "$OUT/images-1.tsv"
for _ in 1 2 3 4; do cat "$MODELS/MnistCnnModel.test-images.tsv"; done > "$OUT/images-2000.tsv"

declare -A APP=([onnx]="$OUT/publish/onnx/MLNet.SelfTraining.OnnxConsumer" [archive]="$OUT/publish/archive/ArchiveConsumer")
declare -A MODEL=([onnx]="$MODELS/MnistCnnModel.mlnet" [archive]="$MODELS/MnistCnnModel.zip")
{
  echo -e "app\tkind\tvalue"
  for app in onnx archive; do
    echo -e "$app\tbytes\t$(du -sb "$OUT/publish/$app" | cut -f1)"
    echo -e "$app\tfiles\t$(find "$OUT/publish/$app" -type f | wc -l)"
    echo -e "$app\tmodel-bytes\t$(stat -c %s "${MODEL[$app]}")"
    find "$OUT/publish/$app" -type f -printf "%s %P\n" | sort -rn | head -n 3 | while read -r size name; do echo -e "$app\tlargest\t$size $name"; done
  done
} > "$OUT/sizes.tsv"

echo "== $REPEATS interleaved runs of each (application, image count) ==" >&2
echo -e "repeat\tapp\timages\tseconds\tpeak_kib" > "$OUT/runs.tsv"
for r in $(seq 1 "$REPEATS"); do
  for n in 1 2000; do
    for app in onnx archive; do
      /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "${APP[$app]}" "${MODEL[$app]}" "$OUT/images-$n.tsv" "$OUT/predictions-$app-$n.tsv" > "$OUT/$app-$n.log"
      read -r seconds kib < "$OUT/time.txt"
      echo -e "$r\t$app\t$n\t$seconds\t$kib" >> "$OUT/runs.tsv"
    done
  done
done
rm -f "$OUT/time.txt"

{
  echo "# Deployment size: plain ML.NET zip (ONNX) vs TorchSharp archive ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  machine_line
  echo
  /usr/bin/python3 benchmarks/python/deployment_report.py "$OUT"
} | tee "$OUT.md"
echo "Results: $OUT.md and $OUT/" >&2
