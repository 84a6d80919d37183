using System.Buffers.Binary;

namespace SelfTraining.Vision;

/// <summary>
/// The test-set detections of the Python replica (benchmarks/python/vision/detection.py, <c>write_detections</c>),
/// little-endian:
/// <code>
/// magic    8 bytes  "MLSTDET\0"
/// version  uint32   1
/// count    uint32   N images
/// canvas   uint32   S pixels
/// counts   N uint32, the detections of each image
/// records  per detection, image by image: int32 class (0-based), float32 score, float32 x0, y0, x1, y1 (pixels)
/// </code>
/// The file comes from another program: its header, counts and classes are checked before use.
/// </summary>
internal static class DetectionFile
{
    public const int Version = 1;

    /// <summary>Most detections per image a file may hold (the detectors output at most 100).</summary>
    public const int MaximumPerImage = 10_000;

    private const int HeaderBytes = 20;

    private const int RecordBytes = 24;

    private static readonly byte[] s_magic = "MLSTDET\0"u8.ToArray();

    /// <summary>Reads the file at <paramref name="path"/>, which must hold <paramref name="images"/> images of
    /// <paramref name="canvas"/> pixels and classes below <paramref name="classes"/>.</summary>
    public static IReadOnlyList<FoundBoxes> Read(string path, int images, int canvas, int classes)
    {
        var bytes = File.ReadAllBytes(path);
        var data = bytes.AsSpan();
        if (bytes.Length < HeaderBytes || !data[..8].SequenceEqual(s_magic) || BinaryPrimitives.ReadUInt32LittleEndian(data[8..]) != Version)
        {
            throw new InvalidDataException($"{path}: not a detection file of version {Version}.");
        }

        var (count, side) = (BinaryPrimitives.ReadUInt32LittleEndian(data[12..]), BinaryPrimitives.ReadUInt32LittleEndian(data[16..]));
        if (count != images || side != canvas)
        {
            throw new InvalidDataException($"{path}: {count} images of {side} pixels; expected the run's {images} test scenes of {canvas} pixels.");
        }

        if (bytes.Length < HeaderBytes + (4L * images))
        {
            throw new InvalidDataException($"{path}: {bytes.Length} bytes, too short for the detection counts of {images} images.");
        }

        var counts = new int[images];
        long total = 0;
        for (var i = 0; i < images; i++)
        {
            var n = BinaryPrimitives.ReadUInt32LittleEndian(data[(HeaderBytes + (4 * i))..]);
            if (n > MaximumPerImage)
            {
                throw new InvalidDataException($"{path}: image {i} has {n} detections; at most {MaximumPerImage} were expected.");
            }

            counts[i] = (int)n;
            total += n;
        }

        var start = HeaderBytes + (4L * images);
        if (bytes.Length != start + (RecordBytes * total))
        {
            throw new InvalidDataException($"{path}: {bytes.Length} bytes; expected {start + (RecordBytes * total)} for {total} detections of {images} images.");
        }

        var result = new FoundBoxes[images];
        var records = data[(int)start..];
        for (var i = 0; i < images; i++)
        {
            result[i] = ReadImage(path, i, records[..(RecordBytes * counts[i])], counts[i], classes);
            records = records[(RecordBytes * counts[i])..];
        }

        return result;
    }

    private static FoundBoxes ReadImage(string path, int image, ReadOnlySpan<byte> records, int count, int classes)
    {
        var (labels, scores, boxes) = (new int[count], new float[count], new float[4 * count]);
        for (var d = 0; d < count; d++)
        {
            var record = records[(RecordBytes * d)..];
            labels[d] = BinaryPrimitives.ReadInt32LittleEndian(record);
            scores[d] = BinaryPrimitives.ReadSingleLittleEndian(record[4..]);
            for (var c = 0; c < 4; c++)
            {
                boxes[(4 * d) + c] = BinaryPrimitives.ReadSingleLittleEndian(record[(8 + (4 * c))..]);
            }

            if (labels[d] < 0 || labels[d] >= classes)
            {
                throw new InvalidDataException($"{path}: detection {d} of image {image} has class {labels[d]}; expected 0 to {classes - 1}.");
            }
        }

        return new FoundBoxes(labels, scores, boxes);
    }
}

/// <summary>One image's detections from a <see cref="DetectionFile"/>.</summary>
/// <param name="Classes">0-based class of each detection.</param>
/// <param name="Scores">Score of each detection.</param>
/// <param name="Boxes">x0, y0, x1, y1 of each detection, in pixels.</param>
internal sealed record FoundBoxes(int[] Classes, float[] Scores, float[] Boxes);
