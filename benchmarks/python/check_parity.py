#!/usr/bin/python3
"""Checks that the Python side reads benchmarks as the C# side does (run after building both benchmark programs):

1. mnist10k.split gives the same test / labeled / unlabeled indices as MnistSplit (SelfTraining.Core split) for the
   canonical split and random splits of several seeds and sizes;
2. phases.py expands every phase file to the same runs with the same ids as SelfTraining.Vision runs.

Usage: /usr/bin/python3 benchmarks/python/check_parity.py   (exit code 1 on a difference)
"""
import glob
import json
import os
import subprocess
import sys

import mnist10k
import phases

BIN = os.path.join(mnist10k.REPO, "benchmarks", "{0}", "bin", "Release", "net10.0", "{0}")
SPLITS = [(k, choice) for k in (100, 250, 1000, 6630) for choice in ("canonical", "random:1", "random:2", "random:-7")]


def run(program, *arguments):
    return subprocess.run([BIN.format(program), *arguments], check=True, capture_output=True, text=True).stdout


def main():
    failures = 0
    _, labels = mnist10k.load()
    for k, choice in SPLITS:
        expected = json.loads(run("SelfTraining.Core", "split", "--labeled", str(k), "--split", choice))
        actual = dict(zip(("test", "labeled", "unlabeled"), (part.tolist() for part in mnist10k.split(labels, k, choice))))
        same = actual == expected
        failures += not same
        print(f"split k={k} {choice}: {'same' if same else 'DIFFERENT'} indices ({len(actual['labeled'])} labeled)")
    configs = os.path.join(mnist10k.REPO, "benchmarks", "configs")
    for path in sorted(glob.glob(os.path.join(configs, "**", "*.json"), recursive=True)):
        if path.endswith("phase.schema.json"):
            continue
        expected = run("SelfTraining.Vision", "runs", "--config", path).splitlines()
        actual = [f"{r['id']} {r['kind']} {r['implementation']}" for r in phases.load(path)]
        same = actual == expected
        failures += not same
        print(f"runs {os.path.relpath(path, configs)}: {'same' if same else 'DIFFERENT'} ({len(actual)} runs)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
