"""The markdown tables of segment runs (benchmarks/python/vision/segment.py, SelfTraining.Vision segment), for report.py.

is_segment(result) tells a segment result from the others; tables(results) gives, per labeled size, teacher and
student mIoU of every student cell (mean ± spread over seeds, spread = half the range) and the pseudo masks, then
the throughput of each implementation and the ratio ML.NET / PyTorch.
"""
import statistics
from collections import defaultdict


def is_segment(result):
    return "pseudoMasks" in result


def implementation(result):
    return "ML.NET" if result["implementation"].startswith("ML.NET") else "PyTorch"


def pct(values):
    values = [100 * v for v in values]
    mean = sum(values) / len(values)
    return f"{mean:.1f}" if len(values) == 1 else f"{mean:.1f} ± {(max(values) - min(values)) / 2:.1f}"


def cell(c):
    """A student cell: what differs between runs of one labeled size besides the seed and the implementation."""
    return (c["teacherPolicy"], c["studentPolicy"], c["normalizeLoss"], c["threshold"], c["teacherSteps"], c["studentSteps"],
            c["width"], c["batchSize"], c["learningRate"], c["unlabeled"], c["canvas"], c["maximumDigits"])


def describe(key):
    teacher, student, normalize, threshold, t, s, width, batch, lr, unlabeled, canvas, digits = key
    return (f"{teacher} → {student}, {'normalized' if normalize else 'plain L_h+L_p'}, ≥ {threshold:g}, {t}+{s} steps, "
            f"width {width}, batch {batch}" + (f", lr {lr:g}" if lr != 0.001 else ""))


def accuracy_table(results):
    groups = defaultdict(list)
    for r in results:
        c = r["config"]
        groups[(c["labeled"], cell(c), implementation(r))].append(r)
    rows = []
    for (labeled, key, impl), rs in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] != "ML.NET")):
        rs = sorted(rs, key=lambda r: r["config"]["seed"])
        teacher = [r["teacher"]["meanIoU"] for r in rs]
        student = [r["student"]["meanIoU"] for r in rs]
        delta = sum(s - t for s, t in zip(student, teacher)) / len(rs) * 100
        pseudo = "; ".join(f"{100 * float(r['pseudoMasks']['selectedPixelShare']):.1f} ({100 * float(r['pseudoMasks']['pseudoPixelAccuracy']):.1f})"
                           for r in rs)                   # float(): C# writes NaN (no pseudo pixel) as "NaN"
        rows.append(f"| {labeled} | {describe(key)} | {impl} | {','.join(str(r['config']['seed']) for r in rs)} | {pct(teacher)} "
                    f"| {pct(student)} | {delta:+.1f} | {pct([r['teacher']['pixelAccuracy'] for r in rs])} "
                    f"| {pct([r['student']['pixelAccuracy'] for r in rs])} | {pseudo} | {max(r['peakRssMiB'] for r in rs):.0f} |")
    heading = ["### Segmentation: teacher vs self-trained student (test mIoU %, PASCAL: one confusion matrix, background included)", "",
               "| Labeled scenes | Cell (teacher → student policy, loss, pixel threshold, steps, network) | Implementation | Seeds "
               "| Teacher mIoU % | Student mIoU % | Student − teacher (pt) | Teacher pixel acc % | Student pixel acc % "
               "| Pseudo pixels % of unlabeled (their acc %) | Peak RSS MiB |",
               "|---:|---|---|---|---:|---:|---:|---:|---:|---|---:|"]
    return heading + rows + [""]


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def throughput_table(results, task="Segmentation", inference="teacher over the unlabeled scenes"):
    """Median training images/s (teachers trained in the run, students) and inference images/s per implementation
    (also for detect_report.py: task and what inference measured name the table and its column)."""
    rates = {}
    for impl in ("ML.NET", "PyTorch"):
        rs = [r for r in results if implementation(r) == impl]
        if rs:
            rates[impl] = (median([r["teacherTrainImagesPerSecond"] for r in rs if not r["teacherCached"]]),
                           median([r["studentTrainImagesPerSecond"] for r in rs]), median([r["inferImagesPerSecond"] for r in rs]),
                           max(r["peakRssMiB"] for r in rs), len(rs))
    show = lambda v: "—" if v is None else f"{v:.0f}"  # noqa: E731
    rows = [f"| {impl} | {n} | {show(t)} | {show(s)} | {show(i)} | {rss:.0f} |" for impl, (t, s, i, rss, n) in rates.items()]
    if len(rates) == 2:
        ratio = lambda a, b: "—" if a is None or b is None else f"{a / b:.2f}×"  # noqa: E731
        ours, theirs = rates["ML.NET"], rates["PyTorch"]
        rows.append(f"| *ratio ML.NET / PyTorch* | | {ratio(ours[0], theirs[0])} | {ratio(ours[1], theirs[1])} | {ratio(ours[2], theirs[2])} "
                    f"| {ratio(ours[3], theirs[3])} |")
    heading = [f"### {task} throughput (1 thread; medians over the runs; teachers trained in the run only)", "",
               f"| Implementation | Runs | Teacher train img/s | Student train img/s | Inference img/s ({inference}) "
               "| Peak RSS MiB (max) |", "|---|---:|---:|---:|---:|---:|"]
    return heading + rows + [""]


def tables(results):
    return accuracy_table(results) + throughput_table(results) if results else []
