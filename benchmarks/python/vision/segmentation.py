"""PyTorch replica of MLNet.SelfTraining.Vision's segmenter training (issue 14 baseline).

Mirrors:
  * Tasks/Segmentation/SegmenterNetwork.cs: the SmallCnn backbone (common.py's, without its dropout and classifier;
    stride 4) + Models/Heads/SegmentationHead.cs (conv3x3-BN-ReLU dilation 2 -> conv3x3-BN-ReLU dilation 4 -> dropout
    -> conv1x1 to K classes with bias -> bilinear to the input size, align_corners=False); PyTorch's default init, as
    TorchSharp's,
  * Augmentation/ImageAugmenter.cs with a MaskTarget: S1 = scale jitter 0.8-1.2; S4 = ColourRandAugment.cs (the colour
    operations of RandAugment, N=2, magnitude bin 30 of 31, per image) then scale jitter 0.5-2.0; the image resampled
    bilinearly, the mask nearest with 255 where the image is padded (GeometricTransform.SampleMasks),
  * Tasks/Segmentation/SegmentationLoss.cs (per-pixel cross-entropy, ignore_index 255, each stream averaged over its
    valid pixels, the two streams combined by common.LossNormalizer),
  * the engine of common.py (AdamW lr 1e-3 wd 0.01, 5 % warmup then cosine, human:pseudo batches 1:1 (MixedBatchSampler's split, round half to even) from cyclic samplers),
  * MLNet.SelfTraining's PseudoMaskRule (a pixel keeps the teacher's class when its confidence is >= the threshold,
    else 255) and SegmentationMetrics (PASCAL VOC mIoU: one confusion matrix over every valid pixel, nanmean over classes).

Scene files: the C# benchmark's `scenes-export` command writes one file per scene set (SceneFile.cs documents the format).
"""
import glob
import os
import re
import struct
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision.transforms.functional as TF

import common

IGNORE = 255
CLASSES = 11                                   # background + digits 0-9 (SceneSet.MaskClassNames)
MAGIC = b"MLSTSCN\x00"
VERSION = 1
HEADER = struct.Struct("<8sIII")               # magic, version, count, canvas (little-endian uint32)
MAX_SCENES = 1_000_000
CANVAS_RANGE = (32, 256)                       # SceneOptions.MinimumCanvasSize .. MaximumCanvasSize


def scenes_folder(root, canvas, maximum_digits, scenes_seed):
    """The folder of one scene generation (SceneFile.Folder in C#): <root>/c<canvas>-d<digits>-seed<scenesSeed>."""
    return os.path.join(root, f"c{canvas}-d{maximum_digits}-seed{scenes_seed}")


def read_scene_file(path):
    """(images, masks) as uint8 arrays (N, S, S) from a scene file; refuses a file whose header or size is off."""
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        header = f.read(HEADER.size)
        if len(header) != HEADER.size:
            raise ValueError(f"{path}: shorter than the {HEADER.size}-byte header")
        magic, version, count, canvas = HEADER.unpack(header)
        if magic != MAGIC or version != VERSION:
            raise ValueError(f"{path}: not a scene file of version {VERSION} (magic {magic!r}, version {version})")
        if not 0 <= count <= MAX_SCENES or not CANVAS_RANGE[0] <= canvas <= CANVAS_RANGE[1]:
            raise ValueError(f"{path}: count {count} or canvas {canvas} out of range")
        pixels = count * canvas * canvas
        if size != HEADER.size + 2 * pixels:
            raise ValueError(f"{path}: {size} bytes, expected {HEADER.size + 2 * pixels} for {count} scenes of {canvas} px")
        images = np.frombuffer(f.read(pixels), dtype=np.uint8).reshape(count, canvas, canvas)
        masks = np.frombuffer(f.read(pixels), dtype=np.uint8).reshape(count, canvas, canvas)
    return images, masks


def scene_set(folder, name, count):
    """The first count scenes of set name (test, labeled, unlabeled) from the smallest file of folder that holds as
    many (a SceneSplit with fewer scenes of a set generates a prefix of the same set with more: checked at export)."""
    sizes = sorted(int(m.group(1)) for p in glob.glob(os.path.join(folder, f"{name}-*.bin"))
                   if (m := re.fullmatch(rf"{name}-(\d+)\.bin", os.path.basename(p))))
    enough = [n for n in sizes if n >= count]
    if not enough:
        raise SystemExit(f"no {name} scene file with >= {count} scenes in {folder}: run "
                         "`SelfTraining.Vision scenes-export --config PHASE --out DIR` (run-vision.sh does)")
    images, masks = read_scene_file(os.path.join(folder, f"{name}-{enough[0]}.bin"))
    return torch.from_numpy(images[:count].astype(np.float32)[:, None] / 255.0), torch.from_numpy(masks[:count].copy())


class DilatedConvBnRelu(nn.Module):
    """Models/Blocks/ConvBnRelu.cs with a dilation: conv 3x3 (padding = dilation, no bias), BN, ReLU."""

    def __init__(self, channels, dilation):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=dilation, dilation=dilation, bias=False)
        self.bn = nn.BatchNorm2d(channels)

    def forward(self, x):
        return F.relu(self.bn(self.conv(x)))


class Backbone(nn.Module):
    """Models/Backbones/SmallCnn.cs: (B, 1, H, W) -> (B, 2w, H/4, W/4)."""

    def __init__(self, base):
        super().__init__()
        self.conv1 = common.ConvBnRelu(1, base)
        self.conv2 = common.ConvBnRelu(base, 2 * base)
        self.conv3 = common.ResidualConvBnRelu(2 * base, 0.0)
        self.conv4 = common.ResidualConvBnRelu(2 * base, 0.0)
        self.pool = nn.MaxPool2d(2)

    def forward(self, x):
        x = self.pool(self.conv1(x))
        x = self.pool(self.conv2(x))
        return self.conv4(self.conv3(x))


class Head(nn.Module):
    """Models/Heads/SegmentationHead.cs."""

    def __init__(self, channels, classes, dropout, size):
        super().__init__()
        self.conv1 = DilatedConvBnRelu(channels, 2)
        self.conv2 = DilatedConvBnRelu(channels, 4)
        self.dropout = nn.Dropout(dropout)
        self.classifier = nn.Conv2d(channels, classes, 1)
        self.size = size

    def forward(self, x):
        logits = self.classifier(self.dropout(self.conv2(self.conv1(x))))
        return F.interpolate(logits, size=self.size, mode="bilinear", align_corners=False)


class Segmenter(nn.Module):
    """Tasks/Segmentation/SegmenterNetwork.cs: (B, 1, S, S) -> (B, K, S, S) logits."""

    def __init__(self, canvas, base=32, classes=CLASSES, dropout=0.2):
        super().__init__()
        self.backbone = Backbone(base)
        self.head = Head(2 * base, classes, dropout, (canvas, canvas))

    def forward(self, x):
        return self.head(self.backbone(x))


class ColourRandAugment:
    """Augmentation/ColourRandAugment.cs on one (3, H, W) uint8 image: N operations drawn uniformly from identity,
    brightness, colour, contrast, sharpness, posterize, solarize, autocontrast, equalize at RandAugment's magnitude bin
    (factor operations computed on [0, 1] floats, signed with probability 1/2)."""

    def __init__(self, generator, operations=2, bin=30, bins=31):
        self.g, self.operations, self.magnitude = generator, operations, bin / (bins - 1)

    def __call__(self, image):
        for _ in range(self.operations):
            op = int(torch.randint(9, (1,), generator=self.g))
            if op == 5:
                image = TF.posterize(image, 8 - int(round(4 * self.magnitude)))
            elif op == 6:
                image = TF.solarize(image, 255 * (1 - self.magnitude))
            elif op == 7:
                image = TF.autocontrast(image)
            elif op == 8:
                image = TF.equalize(image)
            elif op != 0:
                sign = -1 if int(torch.randint(2, (1,), generator=self.g)) == 1 else 1
                image = self.factor(image, op, 1 + sign * self.magnitude * 0.9)
        return image

    @staticmethod
    def factor(image, op, factor):
        adjust = {1: TF.adjust_brightness, 2: TF.adjust_saturation, 3: TF.adjust_contrast, 4: TF.adjust_sharpness}[op]
        return adjust(image.float().div(255), factor).mul(255).round_().clamp_(0, 255).to(torch.uint8)


def colour_per_image(images, transform):
    """PhotometricAugment.cs: to uint8, 1 -> 3 identical channels, one draw per image, back to float, channel mean."""
    data = images.mul(255).round_().clamp_(0, 255).to(torch.uint8).expand(-1, 3, -1, -1).contiguous()
    return torch.stack([transform(img) for img in data]).float().div_(255).mean(1, keepdim=True)


class JointAugmenter:
    """ImageAugmenter.cs with a MaskTarget: S1 scale jitter 0.8-1.2; S4 colour RandAugment then scale jitter 0.5-2.0.
    The jitter draws as common.ScaleJitter; the mask is resampled nearest, 255 where the image is padded."""

    def __init__(self, policy, seed):
        if policy not in ("None", "S1", "S4"):
            raise ValueError(f"policy {policy}: the segmentation replica has None, S1 and S4")
        self.policy = policy
        self.g = torch.Generator().manual_seed(seed)
        self.colour = ColourRandAugment(self.g) if policy == "S4" else None
        self.lo, self.hi = (0.5, 2.0) if policy == "S4" else (0.8, 1.2)

    def __call__(self, images, masks):
        if self.policy == "None":
            return images, masks
        if self.colour is not None:
            images = colour_per_image(images, self.colour)
        grid = common.jitter_grid(images.shape, self.lo, self.hi, self.g)
        images = F.grid_sample(images, grid, align_corners=False)
        shifted = masks.unsqueeze(1).float() - IGNORE          # zero padding comes back as 255
        masks = (F.grid_sample(shifted, grid, mode="nearest", align_corners=False).squeeze(1) + IGNORE).round().to(torch.uint8)
        return images, masks


def stream_mean(per_pixel, valid):
    """SegmentationLoss.Mean: the summed per-pixel losses over the valid pixels / their number (at least 1), and that number."""
    count = int(valid.sum())
    return per_pixel.sum() / max(count, 1), count


def train(model, images, masks, human_rows, pseudo_rows, steps, seed, policy, lr=1e-3, weight_decay=0.01,
          warmup_fraction=0.05, batch_size=32, normalize=True):
    """Trains like TorchImageSegmenterTrainer (SegmenterTraining.cs); returns the training seconds."""
    start = time.perf_counter()
    rng = np.random.default_rng(seed)
    human = common.CyclicSampler(len(human_rows), rng)
    pseudo = common.CyclicSampler(len(pseudo_rows), rng) if len(pseudo_rows) else None
    hb, pb = (min(batch_size, len(human_rows)), 0) if pseudo is None else (batch_size - round(batch_size / 2), round(batch_size / 2))
    augment = JointAugmenter(policy, seed)
    normalizer = common.LossNormalizer(normalize=normalize)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)
    warmup = int(warmup_fraction * steps)
    model.train()
    for step in range(steps):
        for group in opt.param_groups:
            group["lr"] = common.learning_rate(lr, warmup, steps, step)
        rows = human_rows[human.take(hb)]
        if pseudo is not None:
            rows = np.concatenate([rows, pseudo_rows[pseudo.take(pb)]])
        index = torch.from_numpy(rows)
        x, y = augment(images.index_select(0, index), masks.index_select(0, index))
        y = y.long()
        per_pixel = F.cross_entropy(model(x), y, ignore_index=IGNORE, reduction="none")
        valid = y != IGNORE
        if pb == 0:
            loss = stream_mean(per_pixel, valid)[0]
        else:
            (lh, nh), (lp, np_) = stream_mean(per_pixel[:hb], valid[:hb]), stream_mean(per_pixel[hb:], valid[hb:])
            h = lh.item() if nh else (normalizer.h or lp.item())
            p = lp.item() if np_ else (normalizer.p or h)
            wh, wp = normalizer.update(h, p)
            loss = lh * wh + lp * wp
        opt.zero_grad()
        loss.backward()
        opt.step()
    model.eval()
    return time.perf_counter() - start


@torch.no_grad()
def predict(model, images, batch_size=64):
    """(predicted class uint8 (N, S, S), its probability float (N, S, S)), eval mode, batches of 64 (the segmenter's
    InferenceBatchSize)."""
    model.eval()
    classes, confidences = [], []
    for i in range(0, len(images), batch_size):
        confidence, predicted = F.softmax(model(images[i:i + batch_size]), 1).max(1)
        classes.append(predicted.to(torch.uint8))
        confidences.append(confidence)
    return torch.cat(classes), torch.cat(confidences)


def pseudo_masks(predicted, confidence, threshold):
    """PseudoMaskRule: the teacher's class where its confidence is >= threshold, else 255."""
    return torch.where(confidence >= threshold, predicted, torch.full_like(predicted, IGNORE))


def metrics(truth, predicted, classes=CLASSES):
    """SegmentationMetrics: mIoU (nanmean over classes present in truth or prediction), per-class IoU (None for a class
    absent from both), pixel accuracy; over the pixels whose truth is not 255."""
    valid = truth != IGNORE
    t, p = truth[valid].long(), predicted[valid].long()
    confusion = torch.bincount(t * classes + p, minlength=classes * classes).view(classes, classes).double()
    tp = confusion.diag()
    union = confusion.sum(1) + confusion.sum(0) - tp
    iou = tp / union
    present = union > 0
    return dict(meanIoU=iou[present].mean().item(), perClassIoU=[v.item() if u > 0 else None for v, u in zip(iou, union)],
                pixelAccuracy=(tp.sum() / confusion.sum()).item())
