#!/usr/bin/python3
"""PyTorch segmentation self-training on MNIST scenes (issue 14), mirroring the ML.NET run of the same phase-file run
(SegmentRun.cs): the same scenes (the files of `SelfTraining.Vision scenes-export`), network, augmentation, optimizer,
schedule, batches, loss and pseudo-mask rule (segmentation.py).

Teacher on the labeled scenes (cached in <results folder>/teachers, shared by the runs with the same teacher settings);
a timed pass of it over the unlabeled scenes (pseudo masks: its class where its confidence is >= threshold, else 255;
their statistics against the hidden true masks; inference images/s); a student from scratch on human and pseudo masks
(scenes with at least one pseudo pixel), batches half human, half pseudo (no pseudo pixel at all: the teacher stays the
model, as the core's self-training stops); mIoU of both on the test scenes.
The results folder (the folder of -o) holds scenes/ (run-vision.sh exports them there) and teachers/.
Usage: segment.py --config benchmarks/configs/vision/PHASE.json --run ID [--quick] -o out.json
"""
import fcntl
import json
import os
import time

import numpy as np
import torch

import common
import phases
import results
import segmentation as seg


def teacher_key(c):
    """The cache entry of the run's teacher (SegmentConfig.TeacherKey in C#)."""
    return (f"teacher-pytorch-k{c['labeled']}-{c['teacherPolicy']}-t{c['teacherSteps']}-seed{c['seed']}-c{c['canvas']}-"
            f"d{c['maximumDigits']}-scenes{c['scenesSeed']}-w{c['width']}-b{c['batchSize']}-lr{phases.number(c['learningRate'])}")


def cached_teacher(folder, key, model, fit):
    """(fit seconds, cached) of the teacher model: its weights loaded from folder's KEY.pt (state dict), with KEY.json's
    {"fitSeconds": ...}, or fit(model)'s seconds (then both saved); KEY.lock (flock) makes a second process wait for a
    teacher being trained (TeacherCache.cs alike)."""
    os.makedirs(folder, exist_ok=True)
    weights, metadata = os.path.join(folder, key + ".pt"), os.path.join(folder, key + ".json")
    with open(os.path.join(folder, key + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if os.path.exists(weights) and os.path.exists(metadata):
            model.load_state_dict(torch.load(weights))
            model.eval()
            with open(metadata) as f:
                return json.load(f)["fitSeconds"], True
        seconds = fit(model)
        torch.save(model.state_dict(), weights + ".tmp")
        os.replace(weights + ".tmp", weights)
        with open(metadata, "w") as f:
            json.dump(dict(fitSeconds=seconds), f)
        return seconds, False


def main():
    a, c = phases.parse_run(phases.SEGMENT, __doc__)
    if not a.output:
        raise SystemExit("-o is required: its folder holds the scenes and the teacher cache")
    started = results.utc_now()
    common.setup_threads(a.threads)
    root = os.path.dirname(os.path.abspath(a.output))
    folder = seg.scenes_folder(os.path.join(root, "scenes"), c["canvas"], c["maximumDigits"], c["scenesSeed"])
    test_x, test_y = seg.scene_set(folder, "test", c["testScenes"])
    human_x, human_y = seg.scene_set(folder, "labeled", c["labeled"])
    pool_x, pool_truth = seg.scene_set(folder, "unlabeled", c["unlabeled"])
    train = dict(lr=c["learningRate"], batch_size=c["batchSize"])

    def new_model():
        torch.manual_seed(c["seed"])
        return seg.Segmenter(c["canvas"], base=c["width"])

    teacher = new_model()
    teacher_seconds, cached = cached_teacher(os.path.join(root, "teachers"), teacher_key(c), teacher, lambda model: seg.train(
        model, human_x, human_y, np.arange(len(human_x)), np.empty(0, np.int64), c["teacherSteps"], c["seed"], c["teacherPolicy"], **train))

    clock = time.perf_counter()
    predicted, confidence = seg.predict(teacher, pool_x)
    infer_rate = len(pool_x) / (time.perf_counter() - clock)
    pseudo = seg.pseudo_masks(predicted, confidence, c["threshold"])
    selected = pseudo != seg.IGNORE
    judged = selected & (pool_truth != seg.IGNORE)
    pseudo_rows = np.flatnonzero(selected.flatten(1).any(1).numpy()) + len(human_x)
    summary = dict(images=len(pool_x), pseudoImages=len(pseudo_rows), selectedPixelShare=selected.float().mean().item(),
                   pseudoPixelAccuracy=(pseudo[judged] == pool_truth[judged]).float().mean().item())

    student, student_seconds = teacher, 0.0               # no pseudo pixel: the core stops (NoChange), the teacher is the model
    if len(pseudo_rows):
        student = new_model()
        student_seconds = seg.train(student, torch.cat([human_x, pool_x]), torch.cat([human_y, pseudo]), np.arange(len(human_x)),
                                    pseudo_rows, c["studentSteps"], c["seed"], c["studentPolicy"], normalize=c["normalizeLoss"], **train)
    self_training_seconds = time.perf_counter() - clock        # the teacher's pass, the pseudo masks and the student
    config = {name: value for name, value in c.items() if name not in ("id", "kind", "implementation")}
    results.emit(dict(
        implementation="PyTorch " + torch.__version__, config=config,
        teacher=seg.metrics(test_y, seg.predict(teacher, test_x)[0]), student=seg.metrics(test_y, seg.predict(student, test_x)[0]),
        pseudoMasks=summary, teacherCached=cached, teacherFitSeconds=teacher_seconds, studentFitSeconds=student_seconds,
        selfTrainingSeconds=self_training_seconds, teacherTrainImagesPerSecond=c["teacherSteps"] * c["batchSize"] / teacher_seconds,
        studentTrainImagesPerSecond=c["studentSteps"] * c["batchSize"] / student_seconds if student_seconds else None,
        inferImagesPerSecond=infer_rate,
        peakRssMiB=results.peak_rss_mib(), startedUtc=started), a.output)


if __name__ == "__main__":
    main()
