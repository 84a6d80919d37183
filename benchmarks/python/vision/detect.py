#!/usr/bin/python3
"""PyTorch detection self-training on MNIST scenes (issue 15), mirroring the ML.NET run of the same phase-file run
(DetectRun.cs): the same scenes and boxes (the files of `SelfTraining.Vision scenes-export`), network, targets, loss,
augmentation, optimizer, schedule, batches, decode and pseudo-box rule (detection.py).

Teacher on the labeled scenes (cached in <results folder>/teachers, shared by the runs with the same teacher settings);
a timed pass of it over the unlabeled scenes (pseudo boxes: the core's rule at the run's score threshold; their
precision and recall against the hidden true boxes; inference images/s); a student from scratch on human and pseudo
boxes (every valid unlabeled scene is a pseudo row, with or without boxes), batches half human, half pseudo (no pseudo
box at all: the teacher stays the model, as the core's self-training stops). Teacher and student detect the test scenes;
their detections go to <results folder>/detections/<run id>-{teacher,student}.det and are scored by
`SelfTraining.Vision detect-eval` (mlContext.Detection().Evaluate, the evaluator of the ML.NET runs), so AP figures of
both implementations come from one evaluator.
The results folder (the folder of -o) holds scenes/ (run-vision.sh exports them there), teachers/ and detections/.
Usage: detect.py --config benchmarks/configs/vision/PHASE.json --run ID [--quick] -o out.json
"""
import json
import os
import subprocess
import time

import numpy as np
import torch

import common
import detection as det
import phases
import results
import segment
import segmentation as seg

EVALUATOR = os.path.join(phases.REPO, "benchmarks", "SelfTraining.Vision", "bin", "Release", "net10.0", "SelfTraining.Vision")


def teacher_key(c):
    """The cache entry of the run's teacher (DetectConfig.TeacherKey in C#)."""
    return (f"detector-pytorch-k{c['labeled']}-{c['teacherPolicy']}-t{c['teacherSteps']}-seed{c['seed']}-c{c['canvas']}-"
            f"d{c['maximumDigits']}-scenes{c['scenesSeed']}-w{c['width']}-b{c['batchSize']}-lr{phases.number(c['learningRate'])}")


def evaluate(a, detections, canvas, path):
    """Writes the test detections to path and scores them with detect-eval (the C# evaluator): its metrics."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    det.write_detections(path, detections, canvas)
    command = [EVALUATOR, "detect-eval", "--config", a.config, "--run", a.run, "--detections", path] + (["--quick"] if a.quick else [])
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"detect-eval failed ({done.returncode}) on {path}:\n{done.stderr}{done.stdout}")
    return json.loads(done.stdout)


def main():
    a, c = phases.parse_run(phases.DETECT, __doc__)
    if not a.output:
        raise SystemExit("-o is required: its folder holds the scenes, the teacher cache and the detections")
    if not os.path.isfile(EVALUATOR):
        raise SystemExit(f"{EVALUATOR} is missing: build benchmarks/SelfTraining.Vision in Release (run-vision.sh does)")
    started = results.utc_now()
    common.setup_threads(a.threads)
    root = os.path.dirname(os.path.abspath(a.output))
    folder = seg.scenes_folder(os.path.join(root, "scenes"), c["canvas"], c["maximumDigits"], c["scenesSeed"])
    test_x, test_classes, test_boxes = det.scene_set(folder, "test", c["testScenes"])
    human_x, human_classes, human_boxes = det.scene_set(folder, "labeled", c["labeled"])
    pool_x, pool_classes, pool_boxes = det.scene_set(folder, "unlabeled", c["unlabeled"])
    train = dict(lr=c["learningRate"], batch_size=c["batchSize"])

    def new_model():
        torch.manual_seed(c["seed"])
        return det.Detector(base=c["width"])

    teacher = new_model()
    teacher_seconds, cached = segment.cached_teacher(os.path.join(root, "teachers"), teacher_key(c), teacher, lambda model: det.train(
        model, human_x, human_classes, human_boxes, np.arange(len(human_x)), np.empty(0, np.int64), c["teacherSteps"], c["seed"],
        c["teacherPolicy"], **train))

    clock = time.perf_counter()
    pool_detections = det.predict(teacher, pool_x)
    infer_rate = len(pool_x) / (time.perf_counter() - clock)
    pseudo, invalid = det.pseudo_boxes(pool_detections, c["threshold"], c["canvas"], c["canvas"])
    summary = dict(det.pseudo_quality(pseudo, pool_classes, pool_boxes), invalidImages=invalid)
    valid = [i for i, p in enumerate(pseudo) if p is not None]

    student, student_seconds = teacher, 0.0               # no pseudo box: the core stops (NoChange), the teacher is the model
    if summary["boxes"]:
        student = new_model()
        student_seconds = det.train(
            student, torch.cat([human_x, pool_x[valid]]), human_classes + [pseudo[i][0] for i in valid],
            human_boxes + [pseudo[i][1] for i in valid], np.arange(len(human_x)), np.arange(len(valid)) + len(human_x),
            c["studentSteps"], c["seed"], c["studentPolicy"], normalize=c["normalizeLoss"], **train)
    self_training_seconds = time.perf_counter() - clock        # the teacher's pass, the pseudo boxes and the student

    scores = {}
    for name, model in (("teacher", teacher), ("student", student)):
        detections = det.predict(model, test_x)
        print(f"{name}: rough AP50 (Python check) {det.rough_ap50(detections, test_classes, test_boxes):.4f}", flush=True)
        scores[name] = evaluate(a, detections, c["canvas"], os.path.join(root, "detections", f"{a.run}-{name}.det"))
    config = {name: value for name, value in c.items() if name not in ("id", "kind", "implementation")}
    results.emit(dict(
        implementation="PyTorch " + torch.__version__, config=config, teacher=scores["teacher"], student=scores["student"],
        pseudoBoxes=summary, teacherCached=cached, teacherFitSeconds=teacher_seconds, studentFitSeconds=student_seconds,
        selfTrainingSeconds=self_training_seconds, teacherTrainImagesPerSecond=c["teacherSteps"] * c["batchSize"] / teacher_seconds,
        studentTrainImagesPerSecond=c["studentSteps"] * c["batchSize"] / student_seconds if student_seconds else None,
        inferImagesPerSecond=infer_rate, peakRssMiB=results.peak_rss_mib(), startedUtc=started), a.output)


if __name__ == "__main__":
    main()
