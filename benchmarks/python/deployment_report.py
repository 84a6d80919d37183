#!/usr/bin/python3
"""The deployment benchmark's report (benchmarks/run-deployment.sh): sizes, start-up, images/s and agreement, as markdown.

Usage: deployment_report.py DIR  (DIR holds sizes.tsv, runs.tsv and predictions-<app>-2000.tsv of both applications)
"""
import csv
import statistics
import sys
from pathlib import Path

APPS = {"onnx": "plain ML.NET zip (ONNX Runtime)", "archive": "TorchSharp archive (libtorch)"}
MANY = 2000


def sizes(folder):
    table = {app: {"largest": []} for app in APPS}
    with open(folder / "sizes.tsv") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["kind"] == "largest":
                table[row["app"]]["largest"].append(row["value"])
            else:
                table[row["app"]][row["kind"]] = int(row["value"])
    return table


def runs(folder):
    times = {}
    with open(folder / "runs.tsv") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            times.setdefault((row["app"], int(row["images"])), []).append((float(row["seconds"]), int(row["peak_kib"])))
    return times


def predictions(path):
    rows = [line.rstrip("\n").split("\t") for line in open(path)]
    return [(row[0], [float(s) for s in row[2].split()]) for row in rows if row[0] != "accuracy"], float(rows[-1][1])


def spread(values):
    return f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})"


def main():
    folder = Path(sys.argv[1])
    size, time = sizes(folder), runs(folder)
    print(f"Runs per cell: {len(time[('onnx', 1)])}, interleaved; median (min–max).\n")
    print("| application | published folder | files | model file | run on 1 image (start-up) | run on 2,000 images | images/s | peak RSS, 2,000 images |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    rate = {}
    for app, name in APPS.items():
        one = [s for s, _ in time[(app, 1)]]
        many = [s for s, _ in time[(app, MANY)]]
        rate[app] = (MANY - 1) / (statistics.median(many) - statistics.median(one))
        rss = statistics.median(k for _, k in time[(app, MANY)]) / 1024
        print(f"| {name} | {size[app]['bytes'] / 2**20:.1f} MiB | {size[app]['files']} | {size[app]['model-bytes'] / 2**20:.2f} MiB "
              f"| {spread(one)} | {spread(many)} | {rate[app]:.0f} | {rss:.0f} MiB |")
    ratio = size["archive"]["bytes"] / size["onnx"]["bytes"]
    start = statistics.median(s for s, _ in time[("archive", 1)]) / statistics.median(s for s, _ in time[("onnx", 1)])
    print(f"\nTorchSharp archive / ONNX zip: folder {ratio:.1f}×, start-up {start:.2f}×, images/s {rate['archive'] / rate['onnx']:.2f}×.\n")
    for app, name in APPS.items():
        print(f"Largest files, {name}: " + "; ".join(f"{entry.split(' ', 1)[1]} {int(entry.split(' ', 1)[0]) / 2**20:.1f} MiB" for entry in size[app]["largest"]) + ".")
    (onnx, onnx_accuracy), (archive, archive_accuracy) = (predictions(folder / f"predictions-{app}-{MANY}.tsv") for app in APPS)
    same = sum(a[0] == b[0] for a, b in zip(onnx, archive))
    diff = max(abs(x - y) for a, b in zip(onnx, archive) for x, y in zip(a[1], b[1]))
    print(f"\nAgreement on {len(onnx)} images: the same class on {same}; largest score difference {diff:.2e}; "
          f"accuracy {onnx_accuracy:.4f} (zip) and {archive_accuracy:.4f} (archive).")
    if same != len(onnx) or diff > 1e-4:
        sys.exit("The two applications disagree beyond 1e-4.")


main()
