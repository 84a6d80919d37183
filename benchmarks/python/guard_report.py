#!/usr/bin/python3
"""The validation-guard figure (issue 19): `guard_report.py <results folder> [<results folder> ...]`
(see run-core.sh --guard; several folders: one figure from runs split over processes by --labeled).

Reads the ML.NET runs (guard*.json: every trainer with the guard off, on (auto) and on with the threshold grid, plus
the hold-out runs with and without refit) and scikit-learn's at thresholds 0.75 and 0.9 (sklearn-0.75-k*.json,
sklearn-0.9-k*.json) of the same run, and prints markdown: per trainer and k the teacher, the unguarded student, the
guarded students and scikit-learn's, with fit times; then the goal's checks.
"""

import glob
import json
import os
import sys


def load(path):
    with open(path) as f:
        return json.load(f)["summaries"]


def pct(x):
    return f"{100 * x:.2f}"


def files(folders, pattern):
    return sorted(path for folder in folders for path in glob.glob(os.path.join(folder, pattern)))


def main(folders):
    ours = [s for path in files(folders, "guard*.json") for s in load(path)]
    sk = {t: {s["labeled"]: s for path in files(folders, f"sklearn-{t}-k*.json") for s in load(path)}
          for t in ("0.75", "0.9")}
    by = {}
    for s in ours:
        by.setdefault((s["trainer"], s["labeled"]), {})[s["guard"]] = s
    split = ours[0]["split"] if ours else "?"

    print(f"### Validation-guarded self-training on MNIST-10k ({split} split): test accuracy % (fit s)")
    print()
    print("| trainer | k | teacher | unguarded student | guarded (default) | guarded + threshold grid | sklearn 0.75 | sklearn 0.9 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    checks = []
    for (trainer, k), g in sorted(by.items(), key=lambda x: (x[0][0], x[0][1])):
        off, auto = g.get("off"), g.get("auto")
        grid = next((v for name, v in g.items() if name.startswith("auto, grid")), None)
        if off is None or auto is None:
            continue

        def cell(s, extra=""):
            return "–" if s is None else f"{pct(s['studentAccuracy'])} ({s['fitSecondsMedian']:.1f}){extra}"

        def best(s):
            return "" if s is None or s.get("bestRound") is None else f", round {s['bestRound']}"

        sk_cells = [cell_sk(sk[t].get(k)) for t in ("0.75", "0.9")]
        grid_extra = f"{best(grid)}, th {grid['threshold']}" if grid else ""
        print(f"| {trainer} | {k} | {pct(off['teacherAccuracy'])} | {cell(off)} | {cell(auto, best(auto))} | "
              f"{cell(grid, grid_extra)} | {sk_cells[0]} | {sk_cells[1]} |")
        checks.append((trainer, k, off, auto, grid, [sk[t].get(k) for t in ("0.75", "0.9")]))

    print()
    print("Goal checks (points; gain kept = (guarded − teacher) / (unguarded − teacher) where the unguarded student gained):")
    print()
    for trainer, k, off, auto, grid, sks in checks:
        teacher = off["teacherAccuracy"]
        gain = off["studentAccuracy"] - teacher
        for name, s in (("guarded", auto), ("guarded + grid", grid)):
            if s is None:
                continue
            delta = s["studentAccuracy"] - teacher
            kept = f", keeps {100 * delta / gain:.0f} % of the gain" if gain > 0 else ""
            sk_best = max((x["studentAccuracy"] for x in sks if x), default=None)
            vs = "" if sk_best is None else f", vs sklearn's best threshold {100 * (s['studentAccuracy'] - sk_best):+.2f}"
            print(f"- {trainer} k={k} {name}: {100 * delta:+.2f} vs teacher (unguarded {100 * gain:+.2f}){kept}{vs}")

    holdout = [(t, k, g) for (t, k), g in by.items() if "holdout+refit" in g and "holdout, no refit" in g]
    if holdout:
        print()
        print("Refit on every labeled row (hold-out guard): student test accuracy % with / without refit (fit s):")
        print()
        print("| trainer | k | refit | no refit |")
        print("|---|---:|---:|---:|")
        for t, k, g in sorted(holdout):
            a, b = g["holdout+refit"], g["holdout, no refit"]
            print(f"| {t} | {k} | {pct(a['studentAccuracy'])} ({a['fitSecondsMedian']:.1f}) | {pct(b['studentAccuracy'])} ({b['fitSecondsMedian']:.1f}) |")

    print()
    print("Verdicts:")
    print()
    for s in ours:
        if s["guard"] != "off":
            print(f"- {s['trainer']}, k = {s['labeled']}, {s['guard']}: {s['verdict']}")


def cell_sk(s):
    return "–" if s is None else f"{pct(s['studentAccuracy'])} ({s['fitSecondsMedian']:.1f})"


if __name__ == "__main__":
    main(sys.argv[1:])
