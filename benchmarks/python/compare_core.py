#!/usr/bin/python3
"""Compares the ML.NET MNIST results with scikit-learn's: `compare_core.py <results folder>` (see run-core.sh)."""

import json
import os
import sys


def load(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return json.load(f)["summaries"]


def main(folder):
    sk = {s["labeled"]: s for s in load(os.path.join(folder, "sklearn.json"))}
    ours = load(os.path.join(folder, "mnist.json")) + load(os.path.join(folder, "mnist-lightgbm.json"))
    print("### ML.NET vs scikit-learn (medians; speed ratio = scikit-learn time / ML.NET time, >1 means ML.NET is faster)")
    print()
    print("| k | Configuration | Teacher acc | Student acc | Student − sklearn student (pt) | Fit s | sklearn fit s | Speed ratio | Peak RSS MiB (sklearn) |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for k in sorted({s["labeled"] for s in ours} | set(sk)):
        if k in sk:
            s = sk[k]
            print(f"| {k} | scikit-learn LogisticRegression (C=1) | {100 * s['supervisedAccuracy']:.2f}% | {100 * s['studentAccuracy']:.2f}% | "
                  f"0.00 | {s['fitSecondsMedian']:.1f} | {s['fitSecondsMedian']:.1f} | 1.00 | {s['peakRssMiBMedian']:.0f} |")
        rows = [o for o in ours if o["labeled"] == k]
        for o in rows:
            ref = sk.get(k)
            delta = f"{100 * (o['studentAccuracy'] - ref['studentAccuracy']):+.2f}" if ref else "–"
            ratio = f"{ref['fitSecondsMedian'] / o['fitSecondsMedian']:.2f}" if ref else "–"
            rss = f"{o['peakRssMiBMedian']:.0f} ({ref['peakRssMiBMedian']:.0f})" if ref else f"{o['peakRssMiBMedian']:.0f}"
            print(f"| {k} | {o['trainer']} {o['weighting']} α={o['alpha']:g} (×{o['repeats']}) | {100 * o['teacherAccuracy']:.2f}% | "
                  f"{100 * o['studentAccuracy']:.2f}% | {delta} | {o['fitSecondsMedian']:.1f} | "
                  f"{ref['fitSecondsMedian'] if ref else float('nan'):.1f} | {ratio} | {rss} |")
    print()
    for k in sorted({s["labeled"] for s in ours}):
        best = max((o for o in ours if o["labeled"] == k), key=lambda o: o["studentAccuracy"])
        ref = sk.get(k)
        note = f" (scikit-learn: {100 * ref['studentAccuracy']:.2f}%)" if ref else ""
        print(f"- k={k}: best ML.NET configuration {best['trainer']} {best['weighting']}: student {100 * best['studentAccuracy']:.2f}%{note}.")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
