#!/usr/bin/python3
"""Canonical vs random split: pairs each result of a second-split folder (run-second-split.sh) with the canonical
split's result of the same run, and prints markdown tables (stdout).

Usage: split_report.py OUT --core CANONICAL_CORE_FOLDER --vision CANONICAL_VISION_FOLDER...
Core: medians over repeats, by (side, k). Vision: a random-split run pairs with the canonical run whose id is its own
without the "-randomsplitN" token (the same settings on the canonical split).
"""
import argparse
import glob
import os
import re

from compare_core import load as summaries
from phases import read_json


def core_rows(folder):
    """(side, k) -> summary of sklearn.json and of the ML.NET L-BFGS Fixed rows of mnist.json."""
    rows = {}
    for s in summaries(os.path.join(folder, "sklearn.json")):
        rows[("scikit-learn LogisticRegression (C=1)", s["labeled"])] = (s["supervisedAccuracy"], s["studentAccuracy"], s["fitSecondsMedian"])
    for s in summaries(os.path.join(folder, "mnist.json")):
        if s["trainer"] == "LbfgsMaximumEntropy" and s["weighting"] == "Fixed":
            rows[("ML.NET LbfgsMaximumEntropy, Fixed α = 1", s["labeled"])] = (s["teacherAccuracy"], s["studentAccuracy"], s["fitSecondsMedian"])
    return rows


def pct(value):
    return f"{100 * value:.2f}"


def core_table(random_folder, canonical_folder):
    random, canonical = core_rows(random_folder), core_rows(canonical_folder)
    lines = ["## Core: self-training on pixels, threshold 0.75, 10 rounds (median of the repeats)", "",
             f"Canonical: `{canonical_folder}`. Random: `{random_folder}`.", "",
             "| Side | k | Canonical teacher → student % | Random teacher → student % | Student, random − canonical (pt) | Fit s (random) |",
             "|---|---:|---:|---:|---:|---:|"]
    for (side, k), (teacher, student, seconds) in sorted(random.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        ref = canonical.get((side, k))
        before = f"{pct(ref[0])} → {pct(ref[1])}" if ref else "—"
        delta = f"{100 * (student - ref[1]):+.2f}" if ref else "—"
        lines.append(f"| {side} | {k} | {before} | {pct(teacher)} → **{pct(student)}** | {delta} | {seconds:.1f} |")
    return lines + [""]


def vision_table(random_folder, canonical_folders):
    lines = ["## Vision: TorchSharp SmallCnn (ML.NET) and the PyTorch replica", "",
             f"Canonical: {', '.join(f'`{c}`' for c in canonical_folders)}. Random: `{random_folder}`.", "",
             "| Run (canonical id) | Canonical teacher → student % | Random teacher → student % | Student, random − canonical (pt) | Pseudo labels (acc %), random | Fit s (random) |",
             "|---|---:|---:|---:|---|---:|"]
    for path in sorted(glob.glob(os.path.join(random_folder, "*.json"))):
        run = read_json(path)
        if "config" not in run:
            continue
        canonical_id = re.sub(r"-randomsplit-?\d+$", "", os.path.basename(path)[:-len(".json")])
        refs = [os.path.join(c, canonical_id + ".json") for c in canonical_folders]
        ref = next((read_json(r) for r in refs if os.path.exists(r)), None)
        before = f"{pct(ref['teacherAccuracy'])} → {pct(ref['studentAccuracy'])}" if ref else "—"
        delta = f"{100 * (run['studentAccuracy'] - ref['studentAccuracy']):+.2f}" if ref else "—"
        last = run["rounds"][-1] if run["rounds"] else None
        pseudo = f"{last['pseudoLabeled']} ({100 * last['pseudoLabelAccuracy']:.1f})" if last else "—"
        lines.append(f"| `{canonical_id}` | {before} | {pct(run['teacherAccuracy'])} → **{pct(run['studentAccuracy'])}** | {delta} "
                     f"| {pseudo} | {run['fitSeconds']:.0f} |")
    return lines + [""]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out", help="the second-split folder (core/ and vision/ inside)")
    p.add_argument("--core", required=True, help="canonical core results folder")
    p.add_argument("--vision", nargs="+", required=True, help="canonical vision results folders")
    a = p.parse_args()
    print("\n".join(core_table(os.path.join(a.out, "core"), a.core) + vision_table(os.path.join(a.out, "vision"), a.vision)))


if __name__ == "__main__":
    main()
