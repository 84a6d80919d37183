"""PyTorch replica of MLNet.SelfTraining.Vision's SmallCnn training (issue 4 baseline).

Mirrors, line for line where it matters:
  * Models/Backbones/SmallCnn.cs + Models/Heads/ClassificationHead.cs, Models/Blocks/ConvBnRelu.cs,
    ResidualConvBnRelu.cs (stochastic depth 0 -> identity branch drop),
  * Augmentation/ScaleJitter.cs (S1: per-image zoom U(0.8, 1.2), random crop/pad via affine_grid + grid_sample),
    ElasticDistortion.cs (optional, in the same resampling),
  * Engine/TrainingLoop.cs + WarmupCosineSchedule.cs (AdamW lr 1e-3, wd 0.01, 5 % linear warmup, cosine to 0),
  * Engine/MixedBatchSampler.cs + CyclicSampler.cs (shuffled cyclic passes; 64 human + 64 pseudo in student mode,
    min(128, n) human rows in supervised mode),
  * Tasks/Classification/ClassificationLoss.cs + Engine/LossNormalizer.cs (separate human / pseudo means, optional normalization),
  * Tasks/Classification/OnlineRelabeler.cs (students' online re-labeling, optional FixMatch confidence mask),
    Engine/WeightAverage.cs,
  * MLNet.SelfTraining.SampleData/MnistSplit.cs (canonical split: per class in file order, 200 test, k/10 labeled, rest unlabeled).
"""
import copy
import math
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))   # the helpers shared with the core scripts
import mnist10k  # noqa: E402


def setup_threads(threads=1):
    torch.set_num_threads(threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass


def load_mnist10k():
    """Returns (images float32 [N,1,28,28] in [0,1], labels int64 [N]) from the embedded IDX files."""
    images, labels = mnist10k.load()
    return torch.from_numpy(images.astype(np.float32)[:, None] / 255.0), torch.from_numpy(labels)


def split(labels, k, choice):
    """(test, labeled, unlabeled) index tensors of the split choice: "canonical" or "random:SEED" (../mnist10k.py)."""
    return tuple(torch.from_numpy(part) for part in mnist10k.split(labels.numpy(), k, choice))


class ConvBnRelu(nn.Module):
    def __init__(self, cin, cout, stride=1):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(cout)

    def forward(self, x):
        return F.relu(self.bn(self.conv(x)))


class ResidualConvBnRelu(nn.Module):
    def __init__(self, channels, stochastic_depth):
        super().__init__()
        self.branch = ConvBnRelu(channels, channels)
        self.p = stochastic_depth

    def forward(self, x):
        y = self.branch(x)
        if self.training and self.p > 0:   # torchvision StochasticDepth, mode "row"
            keep = torch.empty(x.shape[0], 1, 1, 1).bernoulli_(1 - self.p)
            y = y * keep / (1 - self.p)
        return x + y


class SmallCnn(nn.Module):
    def __init__(self, channels=1, height=28, width=28, classes=10, base=32, dropout=0.2, stochastic_depth=0.0):
        super().__init__()
        self.conv1 = ConvBnRelu(channels, base)
        self.conv2 = ConvBnRelu(base, 2 * base)
        self.conv3 = ResidualConvBnRelu(2 * base, stochastic_depth / 2)
        self.conv4 = ResidualConvBnRelu(2 * base, stochastic_depth)
        self.pool = nn.MaxPool2d(2)
        self.dropout = nn.Dropout(dropout)
        self.fc = nn.Linear(2 * base * (height // 4) * (width // 4), classes)

    def forward(self, x):
        x = self.pool(self.conv1(x))
        x = self.pool(self.conv2(x))
        x = self.conv4(self.conv3(x))
        return self.fc(self.dropout(x.flatten(1)))


def gaussian_kernel(sigma):
    """Normalized Gaussian taps truncated at 4 sigma (ElasticDistortion.cs computes them once, so does ScaleJitter)."""
    radius = int(4 * sigma + 0.5)
    taps = torch.arange(-radius, radius + 1, dtype=torch.float32)
    kernel = (taps.square() / (-2 * sigma * sigma)).exp()
    return kernel / kernel.sum()


def elastic_offsets(n, height, width, alpha, kernel, generator):
    """Augmentation/ElasticDistortion.cs: U(-1, 1) field per pixel and axis, Gaussian-smoothed (kernel, zero outside),
    times alpha px, as (n, H, W, 2) normalized grid offsets."""
    radius = len(kernel) // 2
    noise = torch.rand(n * 2, 1, height, width, generator=generator) * 2 - 1
    smooth = F.conv2d(noise, kernel.view(1, 1, -1, 1), padding=(radius, 0))
    smooth = F.conv2d(smooth, kernel.view(1, 1, 1, -1), padding=(0, radius))
    scale = torch.tensor([2 * alpha / width, 2 * alpha / height], dtype=torch.float32)
    return smooth.view(n, 2, height, width).permute(0, 2, 3, 1) * scale


def jitter_theta(n, lo, hi, generator):
    """ScaleJitter's draws for n images: per image a zoom s ~ U(lo, hi) and a shift within the room it leaves, as the
    (n, 2, 3) affine map [A | t] from output to input (normalized coordinates)."""
    inv = (torch.rand(n, generator=generator) * (hi - lo) + lo).reciprocal()
    room = (inv - 1).abs()
    tx = (torch.rand(n, generator=generator) * 2 - 1) * room
    ty = (torch.rand(n, generator=generator) * 2 - 1) * room
    zeros = torch.zeros_like(inv)
    return torch.stack([inv, zeros, tx, zeros, inv, ty], 1).view(n, 2, 3)


def jitter_grid(shape, lo, hi, generator):
    """ScaleJitter's draws for a batch of `shape` (N, C, H, W) as the affine sampling grid (crop for s > 1, zero pad
    for s < 1)."""
    return F.affine_grid(jitter_theta(shape[0], lo, hi, generator), list(shape), align_corners=False)


class ScaleJitter:
    """Augmentation/ScaleJitter.cs: per-image zoom s ~ U(lo, hi), random crop (s > 1) or zero pad (s < 1), optional
    elastic distortion (alpha px, sigma 4) in the same resampling."""

    def __init__(self, lo, hi, generator, elastic=0.0):
        self.lo, self.hi, self.g, self.elastic = lo, hi, generator, elastic
        self.kernel = gaussian_kernel(4.0) if elastic > 0 else None

    def __call__(self, images):
        grid = jitter_grid(images.shape, self.lo, self.hi, self.g)
        if self.elastic > 0:
            grid = grid + elastic_offsets(images.shape[0], images.shape[2], images.shape[3], self.elastic, self.kernel, self.g)
        return F.grid_sample(images, grid, align_corners=False)


class PhotometricPerImage:
    """Augmentation/PhotometricAugment.cs: each image goes to uint8, 1 channel -> 3 identical channels, one independent
    draw of the torchvision transform per image, back to float and channel mean. S2/S3: AutoAugment (ImageNet policy);
    S4: RandAugment(N=2, magnitude bin 30 of 31)."""

    def __init__(self, kind):
        from torchvision.transforms import AutoAugment, AutoAugmentPolicy, RandAugment
        self.transform = (AutoAugment(AutoAugmentPolicy.IMAGENET) if kind == "AutoAugment"
                          else RandAugment(num_ops=2, magnitude=30, num_magnitude_bins=31))

    def __call__(self, images):
        channels = images.shape[1]
        data = images.mul(255).round_().clamp_(0, 255).to(torch.uint8)
        if channels == 1:
            data = data.expand(-1, 3, -1, -1).contiguous()
        out = torch.stack([self.transform(img) for img in data]).float().div_(255)
        return out.mean(1, keepdim=True) if channels == 1 else out


def make_augmenter(policy, seed, elastic=0.0):
    """None, S1 (scale jitter 0.8-1.2), S2 (AutoAugment then S1), S4 (RandAugment then scale jitter 0.5-2.0), as in
    ImageAugmenter.cs (no flips); elastic: ElasticAlpha of S1-S4."""
    if policy == "None":
        return lambda x: x
    generator = torch.Generator().manual_seed(seed)
    if policy == "S1":
        return ScaleJitter(0.8, 1.2, generator, elastic)
    if policy in ("S2", "S4"):
        photometric = PhotometricPerImage("AutoAugment" if policy == "S2" else "RandAugment")
        jitter = ScaleJitter(0.8, 1.2, generator, elastic) if policy == "S2" \
            else ScaleJitter(0.5, 2.0, generator, elastic)
        return lambda x: jitter(photometric(x))
    raise ValueError(f"policy {policy} is not replicated in the PyTorch baseline (None, S1, S2, S4 only)")


class CyclicSampler:
    def __init__(self, count, rng):
        self.order = np.arange(count)
        self.rng = rng
        self.next = count

    def take(self, size):
        out = np.empty(size, dtype=np.int64)
        for i in range(size):
            if self.next == len(self.order):
                self.rng.shuffle(self.order)
                self.next = 0
            out[i] = self.order[self.next]
            self.next += 1
        return out


def learning_rate(peak, warmup, total, step):
    if step < warmup:
        return peak * (step + 1) / warmup
    decay = total - warmup
    if decay <= 0:
        return peak
    return peak * 0.5 * (1 + math.cos(math.pi * (step - warmup) / decay))


class LossNormalizer:
    def __init__(self, alpha=1.0, decay=0.99, normalize=True):
        self.alpha, self.decay, self.normalize = alpha, decay, normalize
        self.h = self.p = None

    def update(self, lh, lp):
        if not self.normalize:
            return 1.0, self.alpha
        if self.h is None:
            self.h, self.p = lh, lp
        else:
            self.h = self.decay * self.h + (1 - self.decay) * lh
            self.p = self.decay * self.p + (1 - self.decay) * lp
        ratio = self.h / max(self.p, 1e-8)
        return 1 / (1 + self.alpha), self.alpha * ratio / (1 + self.alpha)


@torch.no_grad()
def relabel(model, images, index, targets, hb, threshold, mask):
    """OnlineRelabeler.Refresh: the model (eval mode) predicts the pseudo rows (after the first hb) un-augmented; its
    class replaces the teacher's target where its top probability reaches threshold. Returns the targets and, with mask,
    the per-row keep weights (0 for unconfident pseudo rows), else None."""
    model.eval()
    probs = F.softmax(model(images.index_select(0, index[hb:])), 1)
    model.train()
    conf, pred = probs.max(1)
    confident = conf >= threshold
    teacher = targets[hb:]
    refreshed = torch.where(confident, pred, teacher) if targets.dim() == 1 \
        else torch.where(confident.unsqueeze(1), F.one_hot(pred, targets.shape[1]).float(), teacher)
    keep = torch.cat([torch.ones(hb), confident.float()]) if mask else None
    return torch.cat([targets[:hb], refreshed]), keep


def train(model, images, targets, human_rows, pseudo_rows, steps, seed, policy, lr=1e-3, weight_decay=0.01,
          warmup_fraction=0.05, batch_size=128, normalize=True, log_every=0, pseudo_ratio=1.0, online_threshold=None,
          online_mask=False, weight_average=None, elastic=0.0, mean_teacher=False):
    """Trains model like TorchImageClassifierTrainer.Train. targets: int64 [N] or float [N, K] (soft). online_threshold,
    online_mask: OnlineRelabelThreshold, MaskUnconfidentPseudoRows; weight_average: WeightAverageDecay; elastic:
    AugmentationOptions.ElasticAlpha; mean_teacher: RelabelWithWeightAverage (the average labels, WeightAverage.Snapshot)."""
    rng = np.random.default_rng(seed)
    human = CyclicSampler(len(human_rows), rng)
    pseudo = CyclicSampler(len(pseudo_rows), rng) if len(pseudo_rows) else None
    if pseudo is None:
        hb, pb = min(batch_size, len(human_rows)), 0
    else:
        pb = min(max(int(round(batch_size * pseudo_ratio / (1 + pseudo_ratio))), 1), batch_size - 1)
        hb = batch_size - pb
    augment = make_augmenter(policy, seed, elastic)
    normalizer = LossNormalizer(normalize=normalize)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)
    warmup = int(warmup_fraction * steps)
    averages = None if weight_average is None else [p.detach().clone() for p in model.parameters()]
    shadow = copy.deepcopy(model) if mean_teacher else None
    model.train()
    for step in range(steps):
        for group in opt.param_groups:
            group["lr"] = learning_rate(lr, warmup, steps, step)
        rows = human_rows[human.take(hb)]
        if pseudo is not None:
            rows = np.concatenate([rows, pseudo_rows[pseudo.take(pb)]])
        index = torch.from_numpy(rows)
        batch_targets, keep = targets.index_select(0, index), None
        if online_threshold is not None and pb:
            labeler = model
            if shadow is not None:
                copy_average(averages, shadow, buffers_from=model)
                labeler = shadow
            batch_targets, keep = relabel(labeler, images, index, batch_targets, hb, online_threshold, online_mask)
        logits = model(augment(images.index_select(0, index)))
        per_row = F.cross_entropy(logits, batch_targets, reduction="none")
        if keep is not None:
            per_row = per_row * keep
        if pb == 0:
            loss = per_row.mean()
        else:
            lh, lp = per_row[:hb].mean(), per_row[hb:].mean()
            magnitude = lp.item()
            if keep is not None:   # mean over the kept pseudo rows; none kept: the current average (or the human loss)
                kept = keep[hb:].sum().item()
                magnitude = magnitude * pb / kept if kept > 0 else (normalizer.p or lh.item())
            wh, wp = normalizer.update(lh.item(), magnitude)
            loss = lh * wh + lp * wp
        opt.zero_grad()
        loss.backward()
        opt.step()
        if averages is not None:
            d = min(weight_average, (1 + step) / (10 + step))
            with torch.no_grad():
                for avg, param in zip(averages, model.parameters()):
                    avg.mul_(d).add_(param, alpha=1 - d)
        if log_every and (step + 1) % log_every == 0:
            print(f"  step {step + 1}/{steps} loss {loss.item():.4f}", flush=True)
    if averages is not None:
        copy_average(averages, model)
    model.eval()


@torch.no_grad()
def copy_average(averages, module, buffers_from=None):
    """WeightAverage.CopyTo (and, with buffers_from, Snapshot): the averages into module's parameters, buffers_from's
    batch-norm statistics into its buffers."""
    for avg, param in zip(averages, module.parameters()):
        param.copy_(avg)
    if buffers_from is not None:
        for source, target in zip(buffers_from.buffers(), module.buffers()):
            target.copy_(source)


@torch.no_grad()
def predict(model, images, batch_size=256):
    model.eval()
    return torch.cat([F.softmax(model(images[i:i + batch_size]), 1) for i in range(0, len(images), batch_size)])
