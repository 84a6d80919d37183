#!/usr/bin/python3
"""Turns the JSON files of one benchmarks/run-vision.sh run into markdown tables (stdout).

Usage: report.py benchmarks/results/vision-<date>
Spread = half the range over seeds (max - min) / 2; with 2 seeds mean ± spread covers both runs. Runs on a split other
than the canonical one get their own tables (one section per split).
"""
import glob
import json
import os
import sys
from collections import defaultdict

import detect_report
import segment_report


def load(folder):
    """Runs (JSON with a config), throughput measurements (JSON with trainImagesPerSecond), segment runs (JSON with
    pseudoMasks, segment_report.is_segment), detect runs (JSON with pseudoBoxes, detect_report.is_detect) and finetune
    runs (JSON with testAccuracy). What a throughput file
    measured is read from its content (implementation, policies, elastic), not from its name: run ids change over time
    (throughput-torchsharp, throughput-elastic-pytorch, throughput-None-S1-S2-S4-torchsharp, ...)."""
    runs, throughput, segments, detects, finetunes = [], [], [], [], []
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        with open(path) as f:
            data = json.load(f)
        data["file"] = os.path.basename(path)[:-5]
        if "testAccuracy" in data:
            finetunes.append(data)
        elif segment_report.is_segment(data):
            segments.append(data)
        elif detect_report.is_detect(data):
            detects.append(data)
        elif "trainImagesPerSecond" in data:
            throughput.append(data)
        elif "config" in data:
            runs.append(data)
    return runs, throughput, segments, detects, finetunes


def table(heading, rows):
    """A markdown table, or nothing when it has no rows."""
    return heading + rows + [""] if rows else []


def pct(values):
    values = [100 * v for v in values]
    mean = sum(values) / len(values)
    if len(values) == 1:
        return f"{mean:.2f}"
    return f"{mean:.2f} ± {(max(values) - min(values)) / 2:.2f}"


def impl(run):
    return "ML.NET" if run["implementation"].startswith("ML.NET") else "PyTorch"


def key(run):
    c = run["config"]
    student = c.get("studentPolicy") or c["policy"]
    parts = [] if student == c["policy"] and not c.get("studentStochasticDepth") else [f"student {student}, SD {c.get('studentStochasticDepth', 0)}"]
    if c.get("rescore"):
        parts.append("re-labeled each round")
    if c.get("pseudoRatio", 1) != 1:
        parts.append(f"{c['pseudoRatio']:g} pseudo per human row")
    if c.get("width", 32) != 32:
        parts.append(f"width {c['width']}")
    if c.get("autoAugmentPolicy", "ImageNet") != "ImageNet":
        parts.append(f"AutoAugment {c['autoAugmentPolicy']}")
    if c.get("rotationDegrees"):
        parts.append(f"rotation ±{c['rotationDegrees']:g}°")
    if c.get("elasticAlpha"):
        parts.append(f"elastic α {c['elasticAlpha']:g}")
    if c.get("fromTeacher"):
        parts.append("student from the teacher")
    if c.get("onlineThreshold") is not None:
        parts.append(f"online re-labeling ≥ {c['onlineThreshold']:g}" + (" with the FixMatch mask" if c.get("onlineMask") else ""))
    if c.get("weightAverage") is not None:
        parts.append(f"weight average {c['weightAverage']:g}" + (" (labels online: mean teacher)" if c.get("meanTeacher") else ""))
    if c.get("balanceClasses"):
        parts.append("class-balanced pseudo labels")
    if c.get("learningRate", 0.001) != 0.001:
        parts.append(f"learning rate {c['learningRate']:g}")
    noise = ", ".join(parts)
    return (impl(run), c["labeled"], c["policy"], c["teacherSteps"], c["studentSteps"], c["rounds"], c["softLabels"],
            c["normalizeLoss"], c["threshold"], noise)


POLICY_ORDER = {"None": 0, "S1": 1, "S2": 2, "S3": 3, "S4": 4}


def tp_kind(t):
    """0 = ML.NET trainer + transformer, 1 = plain TorchSharp network, 2 = PyTorch (from the file's implementation)."""
    name = t.get("implementation", "")
    if name.startswith("PyTorch"):
        return 2
    return 1 if "plain network" in name else 0


def tp_label(t):
    kind = tp_kind(t)
    if kind == 2:
        return "PyTorch (Debian " + t["implementation"].replace("PyTorch ", "") + ")"
    return "TorchSharp, plain network" if kind == 1 else "ML.NET trainer + transformer (TorchSharp)"


def is_elastic(t):
    """Timed with and without elastic distortion: augmentations such as "S2+elastic16"."""
    return any("+" in a for a in t["trainImagesPerSecond"])


def policies(entries):
    found = {p for t in entries for p in t["trainImagesPerSecond"]}
    return sorted(found, key=lambda p: (POLICY_ORDER.get(p, len(POLICY_ORDER)), p))


def elastic_throughput_table(tp):
    """The cost of elastic distortion: each policy timed with and without it in one process per implementation."""
    entries = sorted((t for t in tp if is_elastic(t)), key=lambda t: (tp_kind(t), t["file"]))
    rows = []
    for t in entries:
        rates = t["trainImagesPerSecond"]
        for augmentation, rate in rates.items():
            base = rates.get(augmentation.split("+")[0])
            ratio = f"{rate / base:.2f}×" if "+" in augmentation and base else ""
            reps = ", ".join(f"{v:.0f}" for v in t["trainRepeatsImagesPerSecond"][augmentation])
            rows.append(f"| {'PyTorch' if tp_kind(t) == 2 else 'ML.NET (TorchSharp)'} | {augmentation} | {rate:.0f} | {ratio} | {reps} |")
    ours = [t for t in entries if tp_kind(t) == 0]
    theirs = [t for t in entries if tp_kind(t) == 2]
    if len(ours) == 1 and len(theirs) == 1:
        a, b = ours[0]["trainImagesPerSecond"], theirs[0]["trainImagesPerSecond"]
        rows.append(f"| *ratio ML.NET / PyTorch* | {', '.join(f'{k} {a[k] / b[k]:.2f}×' for k in a if k in b)} | | | |")
    return table(["### Training throughput with elastic distortion (1 thread, batch 128, median of timed repeats)", "",
                  "| Implementation | Augmentation | Train img/s | With elastic / without | Repeats |", "|---|---|---:|---:|---|"], rows)


def throughput_table(tp):
    """Training throughput per augmentation policy found in the files, inference throughput and peak memory."""
    entries = sorted((t for t in tp if not is_elastic(t)), key=lambda t: (tp_kind(t), t["file"]))
    if not entries:
        return []
    columns = policies(entries)
    repeats = columns[0]
    rows = []
    for t in entries:
        tr = t["trainImagesPerSecond"]
        cells = [f"{tr[p]:.0f}" if p in tr else "—" for p in columns]
        reps = ", ".join(f"{v:.0f}" for v in t["trainRepeatsImagesPerSecond"].get(repeats, []))
        rows.append(f"| {tp_label(t)} | {' | '.join(cells)} | {t['inferImagesPerSecond']:.0f} | {t['peakRssMiB']:.0f} | {reps} |")
    pytorch = [t for t in entries if tp_kind(t) == 2]
    if len(pytorch) == 1:
        p = pytorch[0]
        for t in (t for t in entries if tp_kind(t) != 2):
            ratios = [f"train {'no-aug' if k == 'None' else k} {t['trainImagesPerSecond'][k] / p['trainImagesPerSecond'][k]:.2f}×"
                      for k in columns if k in t["trainImagesPerSecond"] and k in p["trainImagesPerSecond"]]
            ratios.append(f"inference {t['inferImagesPerSecond'] / p['inferImagesPerSecond']:.2f}×")
            rows.append(f"| *ratio {tp_label(t)} / PyTorch* | {', '.join(ratios)} |" + " |" * (len(columns) + 2))
    names = ["no aug" if p == "None" else p for p in columns]
    return table(["### Throughput (1 thread, train batch 128, inference batch 256, median of timed repeats)", "",
                  "| Implementation | " + " | ".join(f"Train img/s, {n}" for n in names)
                  + f" | Inference img/s | Peak RSS MiB | Repeats (train {columns[0]}) |",
                  "|---|" + "---:|" * (len(columns) + 2) + "---|"], rows)


def grouped(runs):
    groups = defaultdict(list)
    for r in runs:
        groups[key(r)].append(r)
    return groups


def headline_table(groups, steps):
    heading = [f"### Teacher vs student (teacher S2; student S4 + stochastic depth 0.2; hard labels above 0.9; loss normalization; 1 round; {steps}+{steps} steps)", "",
               "| k | Implementation | Seeds | Teacher acc % | Student acc % | Student − teacher (pt) | Pseudo labels (acc %) | Fit s | Peak RSS MiB |",
               "|---:|---|---|---:|---:|---:|---|---:|---:|"]
    lines = []
    for (im, k, policy, t, s, rounds, soft, norm, thr, noise), rs in sorted(groups.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if policy != "S2" or t != steps or s != steps or rounds != 1 or soft or not norm or thr != 0.9 or noise != "student S4, SD 0.2":
            continue
        lines.append(row(k, im, rs))
    return table(heading, lines)


def row(first, im, rs, extra=None):
    rs = sorted(rs, key=lambda r: r["config"]["seed"])
    seeds = ",".join(str(r["config"]["seed"]) for r in rs)
    teacher = pct([r["teacherAccuracy"] for r in rs])
    student = pct([r["studentAccuracy"] for r in rs])
    delta = sum(r["studentAccuracy"] - r["teacherAccuracy"] for r in rs) / len(rs) * 100
    last = [r["rounds"][-1] if r["rounds"] else None for r in rs]
    pseudo = "; ".join(f"{x['pseudoLabeled']} ({100 * x['pseudoLabelAccuracy']:.1f})" if x else "—" for x in last)
    fit = sum(r["fitSeconds"] for r in rs) / len(rs)
    rss = max(r["peakRssMiB"] for r in rs)
    cells = [str(first)] + ([extra] if extra else []) + [im, seeds, teacher, student, f"{delta:+.2f}", pseudo, f"{fit:.0f}", f"{rss:.0f}"]
    return "| " + " | ".join(cells) + " |"


def long_table(groups, steps):
    heading = [f"### Longer students (teacher S2, {steps} steps; student S2, {3 * steps} steps per round; hard labels above 0.9; loss normalization)", "",
               "| k | Rounds | Implementation | Seeds | Teacher acc % | Student acc % | Student − teacher (pt) | Pseudo labels (acc %) | Fit s | Peak RSS MiB |",
               "|---:|---|---|---|---:|---:|---:|---|---:|---:|"]
    lines = []
    items = [(kk, rs) for kk, rs in groups.items()
             if kk[2] == "S2" and kk[3] == steps and kk[4] == 3 * steps and not kk[6] and kk[7] and kk[8] == 0.9
             and kk[9] in ("", "re-labeled each round")]
    for (im, k, policy, t, s, rounds, soft, norm, thr, noise), rs in sorted(items, key=lambda kv: (kv[0][1], kv[0][5], kv[0][9], kv[0][0])):
        lines.append(row(k, im, rs, f"{rounds}{' (' + noise + ')' if noise else ''}"))
    ceiling = [(kk, rs) for kk, rs in groups.items() if kk[5] == 0]
    for (im, k, policy, t, s, rounds, soft, norm, thr, noise), rs in sorted(ceiling):
        lines.append(row(k, im, rs, f"0 (supervised ceiling: {k} true labels, {policy}, {t} steps{', ' + noise if noise else ''})"))
    return table(heading, lines)


LEVER_TOKENS = ("width", "rotation", "AutoAugment", "online", "class-balanced", "learning rate", "elastic", "from the teacher")


def levers_table(runs, variant):
    """Runs beyond the paper's recipe (wider network, rotation, elastic distortion, SVHN AutoAugment, online re-labeling, class balancing,
    learning rate, 4+ rounds) and the teacher-only baselines; FixMatch-style runs have their own table. variant: each
    run's variant label by id(run)."""
    chosen = [r for r in runs if not r["config"].get("onlineMask")
              and (any(t in variant[id(r)] for t in LEVER_TOKENS) or r["config"]["rounds"] == 0 or r["config"]["rounds"] >= 4)]
    return runs_table("Levers beyond the paper's recipe (teacher-only runs have 0 rounds)", chosen, variant)


def fixmatch_table(runs, variant):
    """Students that re-label online with the FixMatch confidence mask (the teacher's labels are never targets)."""
    chosen = [r for r in runs if r["config"].get("onlineMask")]
    return runs_table("FixMatch-style students (online re-labeling with the confidence mask; threshold 0 = every unlabeled image a candidate)", chosen, variant)


def runs_table(title, chosen, variant):
    heading = [f"### {title}", "",
               "| k | Implementation, seed | Policy, steps, threshold | Variant | Rounds | Teacher acc % | Student acc % by round | Pseudo labels (acc %) | Fit s | Peak RSS MiB |",
               "|---:|---|---|---|---:|---:|---|---|---:|---:|"]
    lines = []
    for r in sorted(chosen, key=lambda r: (r["config"]["labeled"], r["config"]["rounds"], variant[id(r)], impl(r), r["config"]["seed"])):
        c = r["config"]
        by_round = " → ".join(f"{100 * x['studentAccuracy']:.2f}" for x in r["rounds"] if "studentAccuracy" in x) \
            or (f"{100 * r['studentAccuracy']:.2f}" if c["rounds"] else "—")
        pseudo = f"{r['rounds'][0]['pseudoLabeled']} ({100 * r['rounds'][0]['pseudoLabelAccuracy']:.1f})" if r["rounds"] else "—"
        lines.append(f"| {c['labeled']} | {impl(r)}, {c['seed']} | {c['policy']}, {c['teacherSteps']}+{c['studentSteps']}, {c['threshold']:g} "
                     f"| {variant[id(r)] or 'paper recipe'} | {c['rounds']} "
                     f"| {100 * r['teacherAccuracy']:.2f} | {by_round} | {pseudo} | {r['fitSeconds']:.0f} | {r['peakRssMiB']:.0f} |")
    return table(heading, lines)


def study_table(groups, steps):
    heading = [f"### Study at k = 100 ({steps}+{steps} steps; seeds as listed)", "",
               "| Policy | Labels, loss, rounds, threshold, student noise | Implementation | Seeds | Teacher acc % | Student acc % | Student − teacher (pt) | Pseudo labels (acc %) | Fit s | Peak RSS MiB |",
               "|---|---|---|---|---:|---:|---:|---|---:|---:|"]
    lines = []
    order = POLICY_ORDER
    items = [(kk, rs) for kk, rs in groups.items() if kk[1] == 100 and kk[3] == steps and kk[4] == steps]
    for (im, k, policy, t, s, rounds, soft, norm, thr, noise), rs in sorted(items, key=lambda kv: (kv[0][0] != "ML.NET", order[kv[0][2]], kv[0][6], not kv[0][7], kv[0][5], kv[0][8], kv[0][9])):
        variant = f"{'soft' if soft else 'hard'}, {'normalized' if norm else 'plain L_h+L_p'}, {rounds} round{'s' if rounds > 1 else ''}, threshold {thr}"
        if noise:
            variant += f", {noise}"
        lines.append(row(policy, im, rs, variant))
    return table(heading, lines)


def run_tables(runs):
    groups = grouped(runs)
    steps = min((r["config"]["teacherSteps"] for r in runs), default=0)
    out = []
    if runs:
        out += headline_table(groups, steps)
        out += long_table(groups, steps)
        out += study_table(groups, steps)
        variant = {id(r): key(r)[9] for r in runs}
        out += levers_table(runs, variant)
        out += fixmatch_table(runs, variant)
        out += ["### Every run", "", "| File | Teacher % | Student % | Rounds: selected / trained on (pseudo acc %) → that round's student % | Fit s | Peak RSS MiB |",
                "|---|---:|---:|---|---:|---:|"]
        for r in sorted(runs, key=lambda r: r["file"]):
            rounds = "; ".join(f"R{x['round']}: {x['selected']} / {x['pseudoLabeled']} ({100 * x['pseudoLabelAccuracy']:.1f})"
                               + (f" → {100 * x['studentAccuracy']:.2f}" if "studentAccuracy" in x else "") for x in r["rounds"])
            out.append(f"| {r['file']} | {100 * r['teacherAccuracy']:.2f} | {100 * r['studentAccuracy']:.2f} | {rounds} | {r['fitSeconds']:.0f} | {r['peakRssMiB']:.0f} |")
    return out


def finetune_table(finetunes):
    """The finetune runs: test accuracy by labeled size and initialization (mean ± half range over seeds)."""
    groups = {}
    for r in finetunes:
        c = r["config"]
        groups.setdefault((c["labeled"], c["side"], c["steps"], c["init"]), []).append(r)
    rows = [f"| {k} | {side} | {steps} | {init} | {','.join(str(r['config']['seed']) for r in rs)} | "
            f"{pct([r['testAccuracy'] for r in rs])} | {sum(r['fitSeconds'] for r in rs) / len(rs):.0f} |"
            for (k, side, steps, init), rs in sorted(groups.items())]
    return table(["### Fine-tuning the ImageNet ResNet-18 (finetune runs)", "",
                  "| k | side | steps | init | seeds | test % | fit s |", "|---:|---:|---:|---|---|---:|---:|"], rows)


def split_of(run):
    return run["config"].get("split", "canonical")


def main():
    folder = sys.argv[1].rstrip("/")
    runs, tp, segments, detects, finetunes = load(folder)
    out = [f"# Vision student benchmarks: {os.path.basename(folder)}", ""]
    out += throughput_table(tp)
    out += elastic_throughput_table(tp)
    splits = sorted({split_of(r) for r in runs})
    for split in splits:
        if splits != ["canonical"]:
            out += [f"## {split} split", ""]
        out += run_tables([r for r in runs if split_of(r) == split])
    out += segment_report.tables(segments)
    out += detect_report.tables(detects)
    out += finetune_table(finetunes)
    print("\n".join(out))


if __name__ == "__main__":
    main()
