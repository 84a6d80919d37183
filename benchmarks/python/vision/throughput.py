#!/usr/bin/python3
"""Training and inference images/s of the SmallCnn replica in PyTorch (issue 4, figure c).

Same protocol as `SelfTraining.Vision throughput` (`--elastic` likewise adds "S2+elastic16"-style entries): 10,000
MNIST images in memory, 1 thread, AdamW, batch 128 training (one warmup run of 20 steps, then `--repeats` timed runs of `--steps` steps, each with a fresh model and optimizer),
batch 256 inference over all 10,000 images with softmax (one warmup, then `--repeats` timed passes). Medians reported.
"""
import argparse
import datetime
import json
import statistics
import time

import numpy as np
import torch

import common


def time_train(images, labels, policy, steps, elastic=0.0):
    torch.manual_seed(1)
    model = common.SmallCnn()
    start = time.perf_counter()
    common.train(model, images, labels, np.arange(len(images)), np.empty(0, np.int64), steps, 1, policy, elastic=elastic)
    return time.perf_counter() - start, model


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--steps", type=int, default=100)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--policies", nargs="+", default=["None", "S1"])
    p.add_argument("--elastic", type=float, default=0.0,
                   help="also time each policy but None with elastic distortion of this strength in pixels")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--output", "-o")
    a = p.parse_args()
    started = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    common.setup_threads(a.threads)
    images, labels = common.load_mnist10k()
    rate, every, model = {}, {}, None
    timed = [(policy, policy, 0.0) for policy in a.policies] + \
        [(f"{policy}+elastic{a.elastic:g}", policy, a.elastic) for policy in a.policies if a.elastic > 0 and policy != "None"]
    for name, policy, elastic in timed:
        time_train(images, labels, policy, 20, elastic)
        runs = []
        for _ in range(a.repeats):
            seconds, model = time_train(images, labels, policy, a.steps, elastic)
            runs.append(a.steps * 128 / seconds)
        rate[name], every[name] = statistics.median(runs), runs
    common.predict(model, images)
    infer = []
    for _ in range(a.repeats):
        start = time.perf_counter()
        common.predict(model, images).sum().item()
        infer.append(len(images) / (time.perf_counter() - start))
    result = dict(implementation="PyTorch " + torch.__version__, trainImagesPerSecond=rate, trainRepeatsImagesPerSecond=every,
                  inferImagesPerSecond=statistics.median(infer), inferRepeatsImagesPerSecond=infer, trainSteps=a.steps,
                  inferImages=len(images), threads=torch.get_num_threads(), peakRssMiB=common.peak_rss_mib(),
                  startedUtc=started)
    text = json.dumps(result, indent=2)
    print(text)
    if a.output:
        with open(a.output, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
