#!/usr/bin/python3
"""Training and inference images/s of the SmallCnn replica in PyTorch (issue 4, figure c).

Same protocol as `SelfTraining.Vision throughput` (elastic likewise adds "S2+elastic16"-style entries): 10,000
MNIST images in memory, 1 thread, AdamW, batch 128 training (one warmup run of 20 steps, then `repeats` timed runs of `steps` steps, each with a fresh model and optimizer),
batch 256 inference over all 10,000 images with softmax (one warmup, then `repeats` timed passes). Medians reported.
Settings: a throughput run of a phase file (benchmarks/configs/phase.schema.json).
Usage: throughput.py --config benchmarks/configs/vision/PHASE.json --run ID [--quick] [-o out.json]
"""
import statistics
import time

import numpy as np
import torch

import common
import phases
import results


def time_train(images, labels, policy, steps, elastic=0.0):
    torch.manual_seed(1)
    model = common.SmallCnn()
    start = time.perf_counter()
    common.train(model, images, labels, np.arange(len(images)), np.empty(0, np.int64), steps, 1, policy, elastic=elastic)
    return time.perf_counter() - start, model


def main():
    a, c = phases.parse_run(phases.THROUGHPUT, __doc__)
    started = results.utc_now()
    common.setup_threads(a.threads)
    images, labels = common.load_mnist10k()
    rate, every, model = {}, {}, None
    timed = [(policy, policy, 0.0) for policy in c["policies"]] + \
        [(f"{policy}+elastic{c['elastic']:g}", policy, c["elastic"]) for policy in c["policies"] if c["elastic"] > 0 and policy != "None"]
    for name, policy, elastic in timed:
        time_train(images, labels, policy, 20, elastic)
        runs = []
        for _ in range(c["repeats"]):
            seconds, model = time_train(images, labels, policy, c["steps"], elastic)
            runs.append(c["steps"] * 128 / seconds)
        rate[name], every[name] = statistics.median(runs), runs
    common.predict(model, images)
    infer = []
    for _ in range(c["repeats"]):
        start = time.perf_counter()
        common.predict(model, images).sum().item()
        infer.append(len(images) / (time.perf_counter() - start))
    results.emit(dict(implementation="PyTorch " + torch.__version__, trainImagesPerSecond=rate, trainRepeatsImagesPerSecond=every,
                      inferImagesPerSecond=statistics.median(infer), inferRepeatsImagesPerSecond=infer, trainSteps=c["steps"],
                      inferImages=len(images), threads=torch.get_num_threads(), peakRssMiB=results.peak_rss_mib(),
                      startedUtc=started), a.output)


if __name__ == "__main__":
    main()
