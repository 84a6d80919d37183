"""PyTorch replica of MLNet.SelfTraining.Vision's object detector (issue 15 baseline): CenterNet-lite on the SmallCnn.

Mirrors:
  * Tasks/Detection + Models/Heads/DetectionHead.cs: the SmallCnn backbone (segmentation.Backbone; stride 4, 2w
    channels) and three branches conv3x3 (bias) -> ReLU -> conv1x1 (bias): heatmap (K classes, last bias -2.19),
    size (2) and offset (2); PyTorch's default init otherwise, as TorchSharp's,
  * the targets: per box the centre c = ((x0 + x1) / 2 / s, (y0 + y1) / 2 / s), its cell p = floor(c) clamped to the
    map, size (x1 - x0, y1 - y0) / s and offset c - p at p (a later box in the same cell wins), and on its class's
    heatmap the elementwise max of exp(-|x - p|^2 / (2 sigma^2)) over the whole map, sigma = (2r + 1) / 6,
    r = max(0, floor(CenterNet's gaussian_radius(box size in cells, 0.7))),
  * the loss per stream (human rows, pseudo rows): CenterNet's focal loss on sigmoid(heatmap) clamped to
    [1e-4, 1 - 1e-4] (positives where the target is 1) + 0.1 x L1 of the size + L1 of the offset at the centre cells,
    all divided by max(N, 1), N the stream's boxes; the two streams combined by common.LossNormalizer,
  * Augmentation/ImageAugmenter.cs with a BoxTarget: S1 = scale jitter 0.8-1.2; S4 = segmentation.ColourRandAugment
    (the colour operations of RandAugment, N = 2, magnitude bin 30 of 31, per image) then scale jitter 0.5-2.0; the
    boxes' corners moved with the pixels (GeometricTransform.MapBoxes: the box around the moved corners, clipped to the
    image; a box without area is dropped with its class),
  * the decode: sigmoid heatmap, peaks where the 3x3 max pool equals the heat, top 100 over K x h x w, boxes
    ((p + o - size / 2) s, (p + o + size / 2) s) clipped to the image, per-class NMS (torchvision.ops.nms on boxes
    shifted by class x (max(W, H) + 1)) at IoU 0.5, scores >= 0.05, at most 100 per image,
  * MLNet.SelfTraining's pseudo-box rule (PseudoBoxOptions): a row with a non-finite score or coordinate is invalid,
    boxes without area are dropped, per-class NMS at 0.5, scores >= the threshold, at most 100 per image; every valid
    unlabeled image is a pseudo row, with or without boxes,
  * the engine of common.py (AdamW lr, wd 0.01, 5 % warmup then cosine, human:pseudo batches 1:1 from cyclic samplers).

Scene files: the C# benchmark's `scenes-export` writes NAME-N.bin (images, read by segmentation.py) and NAME-N.boxes
(classes and boxes); SceneFile.cs documents both. The test set's detections go to a detection file (write_detections)
that `SelfTraining.Vision detect-eval` scores with mlContext.Detection().Evaluate, the evaluator of the ML.NET runs.
"""
import glob
import math
import os
import re
import struct
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision.ops import box_iou, nms

import common
import segmentation as seg

CLASSES = 10                                   # digits 0-9 (the scenes' Labels keys 1-10)
STRIDE = 4                                     # SmallCnn's output stride
HEATMAP_BIAS = -2.19                           # CenterNet's prior: sigmoid(-2.19) ~ 0.1
SIZE_WEIGHT, OFFSET_WEIGHT = 0.1, 1.0
MIN_OVERLAP = 0.7
TOP_K = 100
SCORE_THRESHOLD, NMS_IOU, MAXIMUM_DETECTIONS = 0.05, 0.5, 100    # the detector's output options (defaults)
PSEUDO_NMS_IOU, PSEUDO_MAXIMUM_BOXES = 0.5, 100                  # PseudoBoxOptions' defaults
BOX_MAGIC, BOX_VERSION = b"MLSTBOX\x00", 1
DETECTION_MAGIC, DETECTION_VERSION = b"MLSTDET\x00", 1
BOX_RECORD = np.dtype([("digit", "<i4"), ("x0", "<i4"), ("y0", "<i4"), ("x1", "<i4"), ("y1", "<i4")])
DETECTION_RECORD = np.dtype([("label", "<i4"), ("score", "<f4"), ("box", "<f4", (4,))])


def read_box_file(path):
    """(classes, boxes) per scene of a box file: int64 (n,) digits 0-9 and float32 (n, 4) x0 y0 x1 y1 in pixels; refuses
    a file whose header, size or values are off."""
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        header = f.read(seg.HEADER.size)
        if len(header) != seg.HEADER.size:
            raise ValueError(f"{path}: shorter than the {seg.HEADER.size}-byte header")
        magic, version, count, canvas = seg.HEADER.unpack(header)
        if magic != BOX_MAGIC or version != BOX_VERSION:
            raise ValueError(f"{path}: not a box file of version {BOX_VERSION} (magic {magic!r}, version {version})")
        if not 0 <= count <= seg.MAX_SCENES or not seg.CANVAS_RANGE[0] <= canvas <= seg.CANVAS_RANGE[1]:
            raise ValueError(f"{path}: count {count} or canvas {canvas} out of range")
        if size < seg.HEADER.size + 4 * count:
            raise ValueError(f"{path}: {size} bytes, too short for the digit counts of {count} scenes")
        counts = np.frombuffer(f.read(4 * count), dtype="<u4").astype(np.int64)
        total = int(counts.sum())
        if size != seg.HEADER.size + 4 * count + BOX_RECORD.itemsize * total:
            raise ValueError(f"{path}: {size} bytes, expected {seg.HEADER.size + 4 * count + BOX_RECORD.itemsize * total} "
                             f"for {total} digits in {count} scenes")
        records = np.frombuffer(f.read(BOX_RECORD.itemsize * total), dtype=BOX_RECORD)
    boxes = np.stack([records["x0"], records["y0"], records["x1"], records["y1"]], 1).astype(np.float32)
    if ((records["digit"] < 0) | (records["digit"] >= CLASSES)).any() or (boxes < 0).any() or (boxes > canvas).any() \
            or (boxes[:, 2] <= boxes[:, 0]).any() or (boxes[:, 3] <= boxes[:, 1]).any():
        raise ValueError(f"{path}: a digit out of 0-{CLASSES - 1} or a box outside the {canvas}-pixel canvas or without area")
    ends = np.cumsum(counts)
    return ([torch.from_numpy(records["digit"][e - n:e].astype(np.int64)) for n, e in zip(counts, ends)],
            [torch.from_numpy(boxes[e - n:e]) for n, e in zip(counts, ends)])


def scene_set(folder, name, count):
    """(images (N, 1, S, S) float in [0, 1], classes, boxes) of the first count scenes of set name (test, labeled,
    unlabeled): the images of segmentation.scene_set and the boxes of the smallest box file that holds as many."""
    images, _ = seg.scene_set(folder, name, count)
    sizes = sorted(int(m.group(1)) for p in glob.glob(os.path.join(folder, f"{name}-*.boxes"))
                   if (m := re.fullmatch(rf"{name}-(\d+)\.boxes", os.path.basename(p))))
    enough = [n for n in sizes if n >= count]
    if not enough:
        raise SystemExit(f"no {name} box file with >= {count} scenes in {folder}: run "
                         "`SelfTraining.Vision scenes-export --config PHASE --out DIR` (run-vision.sh does)")
    classes, boxes = read_box_file(os.path.join(folder, f"{name}-{enough[0]}.boxes"))
    return images, classes[:count], boxes[:count]


class Branch(nn.Module):
    """One branch of Models/Heads/DetectionHead.cs: conv 3x3 (padding 1, bias) -> ReLU -> conv 1x1 (bias)."""

    def __init__(self, channels, out, bias=None):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=1)
        self.out = nn.Conv2d(channels, out, 1)
        if bias is not None:
            nn.init.constant_(self.out.bias, bias)

    def forward(self, x):
        return self.out(F.relu(self.conv(x)))


class Detector(nn.Module):
    """(B, 1, S, S) -> heatmap logits (B, K, S/4, S/4), sizes (B, 2, ...) and offsets (B, 2, ...) in map cells."""

    def __init__(self, base=32, classes=CLASSES):
        super().__init__()
        self.backbone = seg.Backbone(base)
        self.heatmap = Branch(2 * base, classes, HEATMAP_BIAS)
        self.size = Branch(2 * base, 2)
        self.offset = Branch(2 * base, 2)

    def forward(self, x):
        features = self.backbone(x)
        return self.heatmap(features), self.size(features), self.offset(features)


def gaussian_radius(height, width, min_overlap=MIN_OVERLAP):
    """CenterNet's gaussian_radius (the smallest of its three roots, as written there)."""
    b1, c1 = height + width, width * height * (1 - min_overlap) / (1 + min_overlap)
    r1 = (b1 + math.sqrt(b1 ** 2 - 4 * c1)) / 2
    b2, c2 = 2 * (height + width), (1 - min_overlap) * width * height
    r2 = (b2 + math.sqrt(b2 ** 2 - 16 * c2)) / 2
    a3, b3, c3 = 4 * min_overlap, -2 * min_overlap * (height + width), (min_overlap - 1) * width * height
    r3 = (b3 + math.sqrt(b3 ** 2 - 4 * a3 * c3)) / 2
    return min(r1, r2, r3)


def targets(classes, boxes, height, width, num_classes=CLASSES):
    """The training targets of a batch on an height x width map: heatmap (B, K, h, w), size and offset (B, 2, h, w),
    the centre cells (B, h, w) Bool and the number of boxes of each image (B)."""
    n = len(boxes)
    heat = torch.zeros(n, num_classes, height, width)
    size = torch.zeros(n, 2, height, width)
    offset = torch.zeros(n, 2, height, width)
    centres = torch.zeros(n, height, width, dtype=torch.bool)
    ys = torch.arange(height, dtype=torch.float32).view(-1, 1)
    xs = torch.arange(width, dtype=torch.float32).view(1, -1)
    for image, (image_classes, image_boxes) in enumerate(zip(classes, boxes)):
        for c, (x0, y0, x1, y1) in zip(image_classes.tolist(), image_boxes.tolist()):
            cx, cy = (x0 + x1) / 2 / STRIDE, (y0 + y1) / 2 / STRIDE
            px, py = min(max(math.floor(cx), 0), width - 1), min(max(math.floor(cy), 0), height - 1)
            bw, bh = (x1 - x0) / STRIDE, (y1 - y0) / STRIDE
            sigma = (2 * max(0, math.floor(gaussian_radius(bh, bw))) + 1) / 6
            gaussian = torch.exp(-((xs - px) ** 2 + (ys - py) ** 2) / (2 * sigma * sigma))
            torch.maximum(heat[image, c], gaussian, out=heat[image, c])
            size[image, :, py, px] = torch.tensor([bw, bh])
            offset[image, :, py, px] = torch.tensor([cx - px, cy - py])
            centres[image, py, px] = True
    counts = torch.tensor([len(b) for b in boxes], dtype=torch.float32)
    return heat, size, offset, centres, counts


def stream_loss(outputs, target, rows):
    """The loss of one stream (the batch rows in slice rows): focal + 0.1 size L1 + offset L1, over max(N, 1)."""
    heat_logits, size, offset = (o[rows] for o in outputs)
    gt_heat, gt_size, gt_offset, centres, counts = (t[rows] for t in target)
    p = torch.sigmoid(heat_logits).clamp(1e-4, 1 - 1e-4)
    positive = gt_heat.eq(1)
    focal = -torch.where(positive, (1 - p) ** 2 * torch.log(p), (1 - gt_heat) ** 4 * p ** 2 * torch.log(1 - p)).sum()
    mask = centres.unsqueeze(1)
    size_loss = ((size - gt_size).abs() * mask).sum()
    offset_loss = ((offset - gt_offset).abs() * mask).sum()
    return (focal + SIZE_WEIGHT * size_loss + OFFSET_WEIGHT * offset_loss) / max(float(counts.sum()), 1.0)


def map_boxes(theta, boxes, width, height):
    """GeometricTransform.MapBoxes: the (n, 4) boxes of an image whose pixels were resampled with the affine map theta
    (2, 3) (output -> input, normalized coordinates): the box around the moved corners, clipped to the image. Returns
    the boxes with an area and which of the n they are."""
    size = torch.tensor([float(width), float(height)])
    x0, y0, x1, y1 = boxes.unbind(1)
    corners = torch.stack([x0, y0, x1, y0, x0, y1, x1, y1], 1).view(-1, 2)
    shift = corners * 2 / size - 1 - theta[:, 2]
    moved = ((shift @ torch.inverse(theta[:, :2]).t() + 1) * size / 2).view(-1, 4, 2)
    low = torch.minimum(moved.amin(1).clamp(min=0), size)
    high = torch.minimum(moved.amax(1).clamp(min=0), size)
    kept = (high > low).all(1)
    return torch.cat([low, high], 1)[kept], kept


class JointAugmenter:
    """ImageAugmenter.cs with a BoxTarget: S1 scale jitter 0.8-1.2; S4 colour RandAugment then scale jitter 0.5-2.0
    (common.jitter_theta's draws), the boxes moved with the pixels."""

    def __init__(self, policy, seed):
        if policy not in ("None", "S1", "S4"):
            raise ValueError(f"policy {policy}: the detection replica has None, S1 and S4")
        self.policy = policy
        self.g = torch.Generator().manual_seed(seed)
        self.colour = seg.ColourRandAugment(self.g) if policy == "S4" else None
        self.lo, self.hi = (0.5, 2.0) if policy == "S4" else (0.8, 1.2)

    def __call__(self, images, classes, boxes):
        if self.policy == "None":
            return images, classes, boxes
        if self.colour is not None:
            images = seg.colour_per_image(images, self.colour)
        theta = common.jitter_theta(images.shape[0], self.lo, self.hi, self.g)
        images = F.grid_sample(images, F.affine_grid(theta, list(images.shape), align_corners=False), align_corners=False)
        moved = [map_boxes(theta[i], b, images.shape[3], images.shape[2]) for i, b in enumerate(boxes)]
        return images, [c[kept] for c, (_, kept) in zip(classes, moved)], [b for b, _ in moved]


def train(model, images, classes, boxes, human_rows, pseudo_rows, steps, seed, policy, lr=1e-3, weight_decay=0.01,
          warmup_fraction=0.05, batch_size=32, normalize=True):
    """Trains like TorchObjectDetectorTrainer (segmentation.train's engine with the detection targets and loss);
    returns the training seconds."""
    start = time.perf_counter()
    rng = np.random.default_rng(seed)
    human = common.CyclicSampler(len(human_rows), rng)
    pseudo = common.CyclicSampler(len(pseudo_rows), rng) if len(pseudo_rows) else None
    hb, pb = (min(batch_size, len(human_rows)), 0) if pseudo is None else (batch_size - round(batch_size / 2), round(batch_size / 2))
    augment = JointAugmenter(policy, seed)
    normalizer = common.LossNormalizer(normalize=normalize)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)
    warmup = int(warmup_fraction * steps)
    map_height, map_width = images.shape[2] // STRIDE, images.shape[3] // STRIDE
    model.train()
    for step in range(steps):
        for group in opt.param_groups:
            group["lr"] = common.learning_rate(lr, warmup, steps, step)
        rows = human_rows[human.take(hb)]
        if pseudo is not None:
            rows = np.concatenate([rows, pseudo_rows[pseudo.take(pb)]])
        x, batch_classes, batch_boxes = augment(images.index_select(0, torch.from_numpy(rows)), [classes[r] for r in rows],
                                                [boxes[r] for r in rows])
        target = targets(batch_classes, batch_boxes, map_height, map_width)
        outputs = model(x)
        if pb == 0:
            loss = stream_loss(outputs, target, slice(None))
        else:
            lh, lp = stream_loss(outputs, target, slice(0, hb)), stream_loss(outputs, target, slice(hb, None))
            wh, wp = normalizer.update(lh.item(), lp.item())
            loss = lh * wh + lp * wp
        opt.zero_grad()
        loss.backward()
        opt.step()
    model.eval()
    return time.perf_counter() - start


def class_nms(boxes, classes, scores, iou, extent):
    """Per-class greedy NMS: torchvision's nms on boxes shifted by class x extent; kept indices by descending score."""
    return nms(boxes + (classes.to(boxes.dtype) * extent).unsqueeze(1), scores, iou)


@torch.no_grad()
def decode(heat_logits, size, offset, width, height):
    """The detector's output per image: (boxes (n, 4) pixels, classes (n,) 0-based, scores (n,) descending)."""
    n, k, h, w = heat_logits.shape
    heat = torch.sigmoid(heat_logits)
    peaks = heat * (F.max_pool2d(heat, 3, stride=1, padding=1) == heat)
    scores, index = peaks.view(n, -1).topk(min(TOP_K, k * h * w))
    cls, cell = index // (h * w), index % (h * w)
    py, px = (cell // w).float(), (cell % w).float()
    pick = lambda t: t.view(n, 2, -1).gather(2, cell.unsqueeze(1).expand(-1, 2, -1))  # noqa: E731
    (sw, sh), (ox, oy) = pick(size).unbind(1), pick(offset).unbind(1)
    sw, sh = sw.clamp(min=0), sh.clamp(min=0)  # a negative size counts as 0, as in the C# decoder
    cx, cy = px + ox, py + oy
    boxes = torch.stack([(cx - sw / 2) * STRIDE, (cy - sh / 2) * STRIDE, (cx + sw / 2) * STRIDE, (cy + sh / 2) * STRIDE], -1)
    boxes = torch.minimum(boxes.clamp(min=0), torch.tensor([float(width), float(height)] * 2))
    out = []
    for b, c, s in zip(boxes, cls, scores):
        keep = class_nms(b, c, s, NMS_IOU, max(width, height) + 1)
        keep = keep[s[keep] >= SCORE_THRESHOLD][:MAXIMUM_DETECTIONS]
        out.append((b[keep], c[keep], s[keep]))
    return out


@torch.no_grad()
def predict(model, images, batch_size=64):
    """The detections of every image (decode), eval mode, batches of 64 (the detector's InferenceBatchSize)."""
    model.eval()
    out = []
    for i in range(0, len(images), batch_size):
        out += decode(*model(images[i:i + batch_size]), images.shape[3], images.shape[2])
    return out


def pseudo_boxes(detections, threshold, width, height):
    """The core's pseudo-box rule on the teacher's detections: (classes, boxes) per valid image (None for an invalid
    one: a non-finite score or coordinate) and the number of invalid images."""
    out, invalid = [], 0
    for boxes, classes, scores in detections:
        if not (torch.isfinite(boxes).all() and torch.isfinite(scores).all()):
            out.append(None)
            invalid += 1
            continue
        area = (boxes[:, 2] > boxes[:, 0]) & (boxes[:, 3] > boxes[:, 1])
        boxes, classes, scores = boxes[area], classes[area], scores[area]
        keep = class_nms(boxes, classes, scores, PSEUDO_NMS_IOU, max(width, height) + 1)
        keep = keep[scores[keep] >= threshold][:PSEUDO_MAXIMUM_BOXES]
        out.append((classes[keep], boxes[keep]))
    return out, invalid


def greedy_matches(boxes, classes, true_boxes, true_classes, iou_threshold=0.5):
    """Boxes (in the given order, e.g. by descending score) that match a true box of their class at IoU >= the threshold,
    each taking the unmatched true box of highest IoU (COCOeval's rule)."""
    if not len(boxes) or not len(true_boxes):
        return torch.zeros(len(boxes), dtype=torch.bool)
    iou = box_iou(boxes, true_boxes)
    iou[classes.unsqueeze(1) != true_classes.unsqueeze(0)] = -1
    taken = torch.zeros(len(true_boxes), dtype=torch.bool)
    matched = torch.zeros(len(boxes), dtype=torch.bool)
    for i in range(len(boxes)):
        candidates = iou[i].masked_fill(taken, -1)
        best = int(candidates.argmax())
        if candidates[best] >= iou_threshold:
            taken[best] = matched[i] = True
    return matched


def pseudo_quality(pseudo, true_classes, true_boxes):
    """The pseudo boxes against the hidden truth (same class, IoU >= 0.5, greedy in score order): images, pseudo images
    (valid images with a box), pseudo boxes, true boxes of the valid images, precision and recall."""
    images = [(p, tc, tb) for p, tc, tb in zip(pseudo, true_classes, true_boxes) if p is not None]
    matched = sum(int(greedy_matches(b, c, tb, tc).sum()) for (c, b), tc, tb in images)
    boxes = sum(len(c) for (c, _), _, _ in images)
    truth = sum(len(tc) for _, tc, _ in images)
    return dict(images=len(pseudo), pseudoImages=sum(len(c) > 0 for (c, _), _, _ in images), boxes=boxes, trueBoxes=truth,
                precision=matched / boxes if boxes else float("nan"), recall=matched / truth if truth else float("nan"))


def rough_ap50(detections, true_classes, true_boxes):
    """AP at IoU 0.5 (101-point interpolation, mean over classes with a true box), a sanity check of the replica only:
    the reported figures come from mlContext.Detection().Evaluate (detect-eval)."""
    per_class = []
    for c in range(CLASSES):
        scores, hits, truth = [], [], 0
        for (boxes, classes, s), tc, tb in zip(detections, true_classes, true_boxes):
            mine, theirs = classes == c, tc == c
            truth += int(theirs.sum())
            scores.append(s[mine])
            hits.append(greedy_matches(boxes[mine], classes[mine], tb[theirs], tc[theirs]))
        if truth == 0:
            continue
        order = torch.cat(scores).argsort(descending=True)
        tp = torch.cat(hits)[order].float().cumsum(0)
        recall = tp / truth
        precision = tp / torch.arange(1, len(tp) + 1)
        precision = precision.flip(0).cummax(0).values.flip(0)
        sampled = [precision[recall >= r].max().item() if (recall >= r).any() else 0.0 for r in np.linspace(0, 1, 101)]
        per_class.append(sum(sampled) / len(sampled))
    return sum(per_class) / len(per_class)


def write_detections(path, detections, canvas):
    """Writes the detections of every image to a detection file (DetectionFile.cs documents the format), atomically:
    magic "MLSTDET\\0", uint32 version 1, uint32 N images, uint32 canvas, N uint32 detection counts, then per detection
    int32 class (0-based), float32 score, float32 x0 y0 x1 y1 (pixels)."""
    counts = np.array([len(s) for _, _, s in detections], dtype="<u4")
    records = np.zeros(int(counts.sum()), dtype=DETECTION_RECORD)
    if len(records):
        records["label"] = torch.cat([c for _, c, _ in detections]).numpy()
        records["score"] = torch.cat([s for _, _, s in detections]).numpy()
        records["box"] = torch.cat([b for b, _, _ in detections]).numpy()
    with open(path + ".tmp", "wb") as f:
        f.write(struct.pack("<8sIII", DETECTION_MAGIC, DETECTION_VERSION, len(detections), canvas))
        f.write(counts.tobytes())
        f.write(records.tobytes())
    os.replace(path + ".tmp", path)
