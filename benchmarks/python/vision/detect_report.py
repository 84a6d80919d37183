"""The markdown tables of detect runs (benchmarks/python/vision/detect.py, SelfTraining.Vision detect), for report.py.

is_detect(result) tells a detect result from the others; tables(results) gives, per labeled size, teacher and student
AP, AP50 and AP75 of every student cell (mean ± spread over seeds, spread = half the range) with the pseudo boxes'
precision and recall; the ML.NET and PyTorch runs of the same cell and seed side by side; the per-class AP of the
headline cells; then the throughput of each implementation and the ratio ML.NET / PyTorch. Both implementations' AP
figures come from mlContext.Detection().Evaluate (detect.py sends its detections to detect-eval).
"""
from collections import defaultdict

from segment_report import implementation, pct, throughput_table


def is_detect(result):
    return "pseudoBoxes" in result


def cell(c):
    """A student cell: what differs between runs of one labeled size besides the seed and the implementation."""
    return (c["teacherPolicy"], c["studentPolicy"], c["normalizeLoss"], c["threshold"], c["teacherSteps"], c["studentSteps"],
            c["width"], c["batchSize"], c["learningRate"], c["unlabeled"], c["testScenes"], c["canvas"], c["maximumDigits"])


def describe(key):
    teacher, student, normalize, threshold, t, s, width, batch, lr, unlabeled, test, canvas, digits = key
    return (f"{teacher} → {student}, {'normalized' if normalize else 'plain L_h+L_p'}, ≥ {threshold:g}, {t}+{s} steps, "
            f"width {width}, batch {batch}" + (f", lr {lr:g}" if lr != 0.001 else "")
            + (f", {unlabeled} unlabeled, {test} test, {canvas} px, ≤ {digits} digits" if (unlabeled, test, canvas, digits) != (3000, 1000, 96, 4) else ""))


def value(scores, name):
    """A metric in [0, 1] (None when undefined, e.g. no student: the teacher stayed the model)."""
    v = scores.get(name)
    return None if v is None else float(v)     # float(): C# writes NaN as "NaN"


def points(values):
    """Mean ± spread in points, or — when a value is undefined."""
    return "—" if any(v is None for v in values) else pct(values)


def delta(rs, name):
    pairs = [(value(r["student"], name), value(r["teacher"], name)) for r in rs]
    if any(s is None or t is None for s, t in pairs):
        return "—"
    return f"{sum(s - t for s, t in pairs) / len(pairs) * 100:+.1f}"


def pseudo(r):
    p = r["pseudoBoxes"]
    per_image = p["boxes"] / p["images"] if p["images"] else 0
    return f"{per_image:.2f} ({100 * float(p['precision']):.0f} / {100 * float(p['recall']):.0f})"


def grouped(results):
    groups = defaultdict(list)
    for r in results:
        groups[(r["config"]["labeled"], cell(r["config"]), implementation(r))].append(r)
    return {k: sorted(rs, key=lambda r: r["config"]["seed"]) for k, rs in
            sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] != "ML.NET"))}


def accuracy_table(results):
    rows = []
    for (labeled, key, impl), rs in grouped(results).items():
        metric = lambda who, name: points([value(r[who], name) for r in rs])  # noqa: E731
        student_trained = "" if all(r["studentTrainImagesPerSecond"] is not None for r in rs) else " (no pseudo box: no student)"
        rows.append(f"| {labeled} | {describe(key)}{student_trained} | {impl} | {','.join(str(r['config']['seed']) for r in rs)} "
                    f"| {metric('teacher', 'averagePrecision')} | {metric('student', 'averagePrecision')} | {delta(rs, 'averagePrecision')} "
                    f"| {metric('teacher', 'averagePrecision50')} | {metric('student', 'averagePrecision50')} | {delta(rs, 'averagePrecision50')} "
                    f"| {metric('teacher', 'averagePrecision75')} | {metric('student', 'averagePrecision75')} "
                    f"| {metric('teacher', 'averageRecall100')} | {metric('student', 'averageRecall100')} "
                    f"| {'; '.join(pseudo(r) for r in rs)} | {max(r['peakRssMiB'] for r in rs):.0f} |")
    heading = ["### Detection: teacher vs self-trained student (test AP %, COCO definitions, mlContext.Detection().Evaluate for both implementations)", "",
               "AP = AP@[.50:.05:.95]; spread = half the range over seeds. Pseudo boxes: per unlabeled scene (precision / recall % "
               "against the hidden true boxes, same class and IoU ≥ 0.5).", "",
               "| Labeled scenes | Cell (teacher → student policy, loss, score threshold, steps, network) | Implementation | Seeds "
               "| Teacher AP | Student AP | Δ AP (pt) | Teacher AP50 | Student AP50 | Δ AP50 (pt) | Teacher AP75 | Student AP75 "
               "| Teacher AR100 | Student AR100 | Pseudo boxes per scene (precision / recall %) | Peak RSS MiB |",
               "|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|"]
    return heading + rows + [""]


def replica_table(results):
    """The cells run by both implementations with the same seed: AP50 and AP of teacher and student side by side."""
    runs = {(r["config"]["labeled"], cell(r["config"]), r["config"]["seed"], implementation(r)): r for r in results}
    rows = []
    for (labeled, key, seed, impl), ours in sorted(runs.items(), key=lambda kv: kv[0][:3]):
        theirs = runs.get((labeled, key, seed, "PyTorch"))
        if impl != "ML.NET" or theirs is None:
            continue
        show = lambda r, who, name: "—" if value(r[who], name) is None else f"{100 * value(r[who], name):.1f}"  # noqa: E731
        rows.append(f"| {labeled} | {describe(key)} | {seed} "
                    f"| {show(ours, 'teacher', 'averagePrecision50')} / {show(theirs, 'teacher', 'averagePrecision50')} "
                    f"| {show(ours, 'student', 'averagePrecision50')} / {show(theirs, 'student', 'averagePrecision50')} "
                    f"| {delta([ours], 'averagePrecision50')} / {delta([theirs], 'averagePrecision50')} "
                    f"| {show(ours, 'teacher', 'averagePrecision')} / {show(theirs, 'teacher', 'averagePrecision')} "
                    f"| {show(ours, 'student', 'averagePrecision')} / {show(theirs, 'student', 'averagePrecision')} "
                    f"| {pseudo(ours)} / {pseudo(theirs)} |")
    heading = ["### Detection: ML.NET / PyTorch replica, same cell and seed (test AP %, one evaluator)", "",
               "| Labeled scenes | Cell | Seed | Teacher AP50 | Student AP50 | Δ AP50 (pt) | Teacher AP | Student AP "
               "| Pseudo boxes per scene (precision / recall %) |", "|---:|---|---:|---|---|---|---|---|---|"]
    return heading + rows + [""] if rows else []


def per_class_table(results):
    """Per-class AP (digits 0-9), teacher → student, mean over seeds, of the cells with the most seeds (the headline)."""
    groups = grouped(results)
    most = max(len(rs) for rs in groups.values())
    rows = []
    for (labeled, key, impl), rs in groups.items():
        if len(rs) != most:
            continue
        def mean(who, d):
            values = [r[who]["perClassAveragePrecision"][d] for r in rs]
            return "—" if any(v is None for v in values) else f"{100 * sum(float(v) for v in values) / len(values):.0f}"
        rows.append(f"| {labeled} | {describe(key)} | {impl} | " + " | ".join(f"{mean('teacher', d)} → {mean('student', d)}" for d in range(10)) + " |")
    heading = [f"### Detection: per-class AP % (teacher → student, mean over {most} seed{'s' if most > 1 else ''})", "",
               "| Labeled scenes | Cell | Implementation | " + " | ".join(f"{d}" for d in range(10)) + " |",
               "|---:|---|---|" + "---:|" * 10]
    return heading + rows + [""]


def tables(results):
    if not results:
        return []
    return (accuracy_table(results) + replica_table(results) + per_class_table(results)
            + throughput_table(results, "Detection", "teacher over the unlabeled scenes, decode included"))
