#!/usr/bin/python3
"""PyTorch self-training baseline on MNIST-10k (issue 4), mirroring the ML.NET run of the same phase-file run.

Teacher: SmallCnn on the k labeled images. Each round: the current model scores the still-unlabeled images; those with
confidence strictly above the threshold are pseudo-labeled (never revised, scikit-learn semantics, unless rescore); a
new student is trained from scratch (or from the teacher) on human:pseudo batches. Settings: a selftrain run of a phase
file (benchmarks/configs/phase.schema.json).
Usage: selftrain.py --config benchmarks/configs/vision/PHASE.json --run ID [--quick] [-o out.json]
"""
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

import common
import phases
import results


def main():
    a, c = phases.parse_run(phases.SELFTRAIN, __doc__)
    unsupported = phases.changed(a.config, c) & {"width", "rotationDegrees", "autoAugmentPolicy", "balanceClasses"}
    if unsupported:
        sys.exit(f"the PyTorch replica does not implement {sorted(unsupported)}")
    if c["onlineMask"] and c["onlineThreshold"] is None:
        sys.exit("onlineMask needs onlineThreshold")
    if c["meanTeacher"] and (c["onlineThreshold"] is None or c["weightAverage"] is None):
        sys.exit("meanTeacher needs onlineThreshold and weightAverage")
    started = results.utc_now()
    common.setup_threads(a.threads)
    torch.manual_seed(c["seed"])

    images, labels = common.load_mnist10k()
    test, labeled, unlabeled = common.split(labels, c["labeled"], c["split"])
    train = dict(lr=c["learningRate"], elastic=c["elasticAlpha"])
    clock = time.perf_counter()
    teacher = common.SmallCnn()
    common.train(teacher, images, labels, labeled.numpy(), np.empty(0, np.int64), c["teacherSteps"], c["seed"], c["policy"], **train)
    teacher_acc = accuracy(teacher, images[test], labels[test])

    targets_hard = labels.clone()
    targets_hard[unlabeled] = -1                          # never read: replaced by pseudo labels below
    soft = F.one_hot(labels, 10).float()
    selected = torch.zeros(len(images), dtype=torch.bool)
    model, rounds, eval_seconds = teacher, [], 0.0
    for r in range(1, c["rounds"] + 1):
        round_clock = time.perf_counter()
        if c["rescore"]:
            selected[unlabeled] = False
        candidates = unlabeled[~selected[unlabeled]]
        probs = common.predict(model, images[candidates])
        conf, pred = probs.max(1)
        keep = conf > c["threshold"]
        new_rows = candidates[keep]
        targets_hard[new_rows] = pred[keep]
        soft[new_rows] = probs[keep]
        selected[new_rows] = True
        pseudo_rows = unlabeled[selected[unlabeled]]
        if len(pseudo_rows) == 0:
            break
        pseudo_acc = (targets_hard[pseudo_rows] == labels[pseudo_rows]).float().mean().item()
        torch.manual_seed(c["seed"])
        student = common.SmallCnn(stochastic_depth=c["studentStochasticDepth"])
        if c["fromTeacher"]:
            student.load_state_dict(model.state_dict())
        common.train(student, images, soft if c["softLabels"] else targets_hard, labeled.numpy(), pseudo_rows.numpy(),
                     c["studentSteps"], c["seed"], c["studentPolicy"] or c["policy"], normalize=c["normalizeLoss"],
                     pseudo_ratio=c["pseudoRatio"], online_threshold=c["onlineThreshold"], online_mask=c["onlineMask"],
                     weight_average=c["weightAverage"], mean_teacher=c["meanTeacher"], **train)
        model = student
        round_seconds = time.perf_counter() - round_clock
        eval_clock = time.perf_counter()                  # per-round test accuracy, kept out of the fit time
        student_acc = accuracy(student, images[test], labels[test])
        eval_seconds += time.perf_counter() - eval_clock
        rounds.append(dict(round=r, selected=int(keep.sum()), pseudoLabeled=len(pseudo_rows),
                           meanConfidence=conf[keep].mean().item() if keep.any() else float("nan"),
                           pseudoLabelAccuracy=pseudo_acc, seconds=round_seconds, studentAccuracy=student_acc))
    fit = time.perf_counter() - clock - eval_seconds
    config = {name: value for name, value in c.items() if name not in ("id", "kind", "implementation")}
    results.emit(dict(implementation="PyTorch " + torch.__version__, config=config, teacherAccuracy=teacher_acc,
                      studentAccuracy=rounds[-1]["studentAccuracy"] if rounds else teacher_acc, rounds=rounds,
                      fitSeconds=fit, peakRssMiB=results.peak_rss_mib(), startedUtc=started), a.output)


def accuracy(model, x, y):
    return (common.predict(model, x).argmax(1) == y).float().mean().item()


if __name__ == "__main__":
    main()
