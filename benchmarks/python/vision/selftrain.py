#!/usr/bin/python3
"""PyTorch self-training baseline on the canonical MNIST-10k split (issue 4), mirroring the ML.NET run.

Teacher: SmallCnn on the k labeled images. Each round: the current model scores the still-unlabeled images; those with
confidence strictly above the threshold are pseudo-labeled (never revised, scikit-learn semantics, unless --rescore); a new student is
trained from scratch on 1:1 human:pseudo batches. Hard labels by default.
Usage: selftrain.py --labeled 100 --policy S1 --seed 1 --teacher-steps 500 --student-steps 500 [--student-policy S4
       --student-stochastic-depth 0.2] [--soft] [--no-normalize] [--rounds N] [--threshold 0.9]
       [--online-threshold 0.95 [--online-mask]] [--weight-average 0.999] [-o out.json]
"""
import argparse
import datetime
import json
import time

import numpy as np
import torch
import torch.nn.functional as F

import common


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--labeled", "-k", type=int, default=100)
    p.add_argument("--policy", default="S1", choices=["None", "S1", "S2", "S4"])
    p.add_argument("--student-policy", choices=["None", "S1", "S2", "S4"], help="students' policy (default: --policy)")
    p.add_argument("--student-stochastic-depth", type=float, default=0.0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--teacher-steps", type=int, default=1000)
    p.add_argument("--student-steps", type=int, default=1000)
    p.add_argument("--rounds", type=int, default=1)
    p.add_argument("--threshold", type=float, default=0.9)
    p.add_argument("--learning-rate", type=float, default=1e-3)
    p.add_argument("--soft", action="store_true")
    p.add_argument("--no-normalize", action="store_true")
    p.add_argument("--rescore", action="store_true", help="each round re-labels every unlabeled image (Noisy Student)")
    p.add_argument("--pseudo-ratio", type=float, default=1.0, help="pseudo rows per human row in a student batch")
    p.add_argument("--online-threshold", type=float,
                   help="students re-label their pseudo rows online where their own probability reaches this value")
    p.add_argument("--online-mask", action="store_true",
                   help="with --online-threshold: unconfident pseudo rows leave the loss (FixMatch)")
    p.add_argument("--weight-average", type=float, help="decay of the students' weight moving average")
    p.add_argument("--elastic", type=float, default=0.0, help="elastic distortion strength alpha in pixels of S1-S4 (sigma 4)")
    p.add_argument("--mean-teacher", action="store_true",
                   help="with --online-threshold and --weight-average: the weight average labels (RelabelWithWeightAverage)")
    p.add_argument("--from-teacher", action="store_true",
                   help="each round's student starts from that round's teacher (InitializeStudentFromTeacher)")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--output", "-o")
    a = p.parse_args()
    if a.online_mask and a.online_threshold is None:
        p.error("--online-mask needs --online-threshold")
    if a.mean_teacher and (a.online_threshold is None or a.weight_average is None):
        p.error("--mean-teacher needs --online-threshold and --weight-average")
    started = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    common.setup_threads(a.threads)
    torch.manual_seed(a.seed)

    images, labels = common.load_mnist10k()
    test, labeled, unlabeled = common.canonical_split(labels, a.labeled)
    clock = time.perf_counter()
    teacher = common.SmallCnn()
    common.train(teacher, images, labels, labeled.numpy(), np.empty(0, np.int64), a.teacher_steps, a.seed, a.policy,
                 lr=a.learning_rate, elastic=a.elastic)
    teacher_acc = accuracy(teacher, images[test], labels[test])

    targets_hard = labels.clone()
    targets_hard[unlabeled] = -1                          # never read: replaced by pseudo labels below
    soft = F.one_hot(labels, 10).float()
    selected = torch.zeros(len(images), dtype=torch.bool)
    model, rounds, eval_seconds = teacher, [], 0.0
    for r in range(1, a.rounds + 1):
        round_clock = time.perf_counter()
        if a.rescore:
            selected[unlabeled] = False
        candidates = unlabeled[~selected[unlabeled]]
        probs = common.predict(model, images[candidates])
        conf, pred = probs.max(1)
        keep = conf > a.threshold
        new_rows = candidates[keep]
        targets_hard[new_rows] = pred[keep]
        soft[new_rows] = probs[keep]
        selected[new_rows] = True
        pseudo_rows = unlabeled[selected[unlabeled]]
        if len(pseudo_rows) == 0:
            break
        pseudo_acc = (targets_hard[pseudo_rows] == labels[pseudo_rows]).float().mean().item()
        torch.manual_seed(a.seed)
        student = common.SmallCnn(stochastic_depth=a.student_stochastic_depth)
        if a.from_teacher:
            student.load_state_dict(model.state_dict())
        common.train(student, images, soft if a.soft else targets_hard, labeled.numpy(), pseudo_rows.numpy(),
                     a.student_steps, a.seed, a.student_policy or a.policy, lr=a.learning_rate, normalize=not a.no_normalize,
                     pseudo_ratio=a.pseudo_ratio, online_threshold=a.online_threshold, online_mask=a.online_mask,
                     weight_average=a.weight_average, elastic=a.elastic, mean_teacher=a.mean_teacher)
        model = student
        round_seconds = time.perf_counter() - round_clock
        eval_clock = time.perf_counter()                  # per-round test accuracy, kept out of the fit time
        student_acc = accuracy(student, images[test], labels[test])
        eval_seconds += time.perf_counter() - eval_clock
        rounds.append(dict(round=r, selected=int(keep.sum()), pseudoLabeled=len(pseudo_rows),
                           meanConfidence=conf[keep].mean().item() if keep.any() else float("nan"),
                           pseudoLabelAccuracy=pseudo_acc, seconds=round_seconds, studentAccuracy=student_acc))
    fit = time.perf_counter() - clock - eval_seconds
    result = dict(implementation="PyTorch " + torch.__version__,
                  config=dict(labeled=a.labeled, policy=a.policy, seed=a.seed, teacherSteps=a.teacher_steps,
                              studentSteps=a.student_steps, rounds=a.rounds, softLabels=a.soft,
                              normalizeLoss=not a.no_normalize, threshold=a.threshold, learningRate=a.learning_rate,
                              studentPolicy=a.student_policy or a.policy,
                              studentStochasticDepth=a.student_stochastic_depth, rescore=a.rescore,
                              pseudoRatio=a.pseudo_ratio, onlineThreshold=a.online_threshold,
                              onlineMask=a.online_mask, weightAverage=a.weight_average, elasticAlpha=a.elastic,
                              fromTeacher=a.from_teacher, meanTeacher=a.mean_teacher),
                  teacherAccuracy=teacher_acc, studentAccuracy=rounds[-1]["studentAccuracy"] if rounds else teacher_acc,
                  rounds=rounds, fitSeconds=fit, peakRssMiB=common.peak_rss_mib(), startedUtc=started)
    text = json.dumps(result, indent=2)
    print(text)
    if a.output:
        with open(a.output, "w") as f:
            f.write(text)


def accuracy(model, x, y):
    return (common.predict(model, x).argmax(1) == y).float().mean().item()


if __name__ == "__main__":
    main()
