"""The embedded MNIST-10k and its splits, exactly as MLNet.SelfTraining.SampleData reads and splits them.

load() reads src/MLNet.SelfTraining.SampleData/Mnist10k/*.gz; split() builds MnistSplit.Canonical ("canonical") or
MnistSplit.Random ("random:SEED"): per class, in file order, the first 200 images are test images and the rest the
pool; the canonical split labels the first k/10 pool images of each class, the random one draws them with SplitMix64
and a partial Fisher-Yates shuffle (see MnistSplit.Random's documentation). check_parity.py compares the indices with
the C# ones.
"""
import gzip
import os
import struct

import numpy as np

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MNIST_DIR = os.path.join(REPO, "src", "MLNet.SelfTraining.SampleData", "Mnist10k")
TEST_PER_CLASS = 200
CLASSES = 10
CANONICAL = "canonical"
RANDOM_PREFIX = "random:"
MASK64 = (1 << 64) - 1


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load():
    """(images uint8 [N, 28, 28], labels int64 [N]) in file order."""
    images = read_idx(os.path.join(MNIST_DIR, "images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(MNIST_DIR, "labels-idx1-ubyte.gz")).astype(np.int64)
    return images, labels


class SplitMix64:
    """SplitMix64 with MnistSplit.Random's draw below n: floor(draw * n / 2^64)."""

    def __init__(self, seed):
        self.state = seed & MASK64                    # two's complement, as C#'s unchecked((ulong)seed)

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def below(self, n):
        return (self.next() * n) >> 64


def split_seed(choice):
    """The seed of "random:SEED"; None for "canonical"."""
    if choice == CANONICAL:
        return None
    if choice.startswith(RANDOM_PREFIX):
        return int(choice[len(RANDOM_PREFIX):])
    raise ValueError(f"unknown split '{choice}'; expected '{CANONICAL}' or '{RANDOM_PREFIX}SEED'")


def split(labels, k, choice=CANONICAL):
    """Index arrays (test, labeled, unlabeled), ascending, as MnistSplit.Canonical / MnistSplit.Random."""
    seed = split_seed(choice)
    generator = None if seed is None else SplitMix64(seed)
    per_class = k // CLASSES
    test, pools = [], [[] for _ in range(CLASSES)]
    seen = [0] * CLASSES
    for i, y in enumerate(labels.tolist()):
        (test if seen[y] < TEST_PER_CLASS else pools[y]).append(i)
        seen[y] += 1
    labeled, unlabeled = [], []
    for pool in pools:
        if generator is not None:
            for i in range(per_class):                # partial Fisher-Yates: a random choice moves to the front
                j = i + generator.below(len(pool) - i)
                pool[i], pool[j] = pool[j], pool[i]
        labeled += pool[:per_class]
        unlabeled += pool[per_class:]
    return np.array(test), np.array(sorted(labeled)), np.array(sorted(unlabeled))
