using System.Buffers.Binary;
using MLNet.SelfTraining.SampleData.Scenes;

namespace SelfTraining.Vision;

/// <summary>
/// The scene files the Python replicas read: one <see cref="SceneSet"/> as <c>NAME-N.bin</c> (images and masks;
/// benchmarks/python/vision/segmentation.py, <c>read_scene_file</c>) and <c>NAME-N.boxes</c> (its digits' classes and
/// boxes; benchmarks/python/vision/detection.py, <c>read_box_file</c>), little-endian:
/// <code>
/// NAME-N.bin
/// magic    8 bytes  "MLSTSCN\0"
/// version  uint32   1
/// count    uint32   N scenes
/// canvas   uint32   S pixels
/// images   N·S·S bytes, scene by scene, row-major (0 = background, 255 = ink)
/// masks    N·S·S bytes, the same order (class 0 = background, d + 1 = digit d, 255 = ignore)
///
/// NAME-N.boxes
/// magic    8 bytes  "MLSTBOX\0"
/// version  uint32   1
/// count    uint32   N scenes
/// canvas   uint32   S pixels
/// digits   N uint32, the number of digits of each scene
/// boxes    one record of 5 int32 per digit, scene by scene in placement order: digit (0–9), x0, y0, x1, y1 in pixels
///          (SceneDigit: edges at 0 and S, x1 − x0 the width)
/// </code>
/// A folder per scene generation (<see cref="Folder"/>) holds the files of the test, labeled and unlabeled sets.
/// </summary>
internal static class SceneFile
{
    public const int Version = 1;

    public const int BoxVersion = 1;

    private static readonly byte[] s_magic = "MLSTSCN\0"u8.ToArray();

    private static readonly byte[] s_boxMagic = "MLSTBOX\0"u8.ToArray();

    /// <summary>The folder of the scenes of <paramref name="scenes"/>' generation under <paramref name="root"/>: <c>c&lt;canvas&gt;-d&lt;digits&gt;-seed&lt;scenesSeed&gt;</c>.</summary>
    public static string Folder(string root, SceneGeneration scenes) =>
        Path.Combine(root, FormattableString.Invariant($"c{scenes.Canvas}-d{scenes.MaximumDigits}-seed{scenes.ScenesSeed}"));

    /// <summary>Writes <paramref name="scenes"/> to <paramref name="folder"/>/<paramref name="name"/>-N.bin and -N.boxes, atomically replacing them.</summary>
    public static void Write(string folder, string name, SceneSet scenes)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FormattableString.Invariant($"{name}-{scenes.Count}"));
        WriteAtomically(path + ".bin", file =>
        {
            file.Write(Header(s_magic, Version, scenes));
            file.Write(scenes.Images.Span);
            file.Write(scenes.Masks.Span);
        });
        WriteAtomically(path + ".boxes", file =>
        {
            file.Write(Header(s_boxMagic, BoxVersion, scenes));
            Span<byte> value = stackalloc byte[4];
            for (var scene = 0; scene < scenes.Count; scene++)
            {
                BinaryPrimitives.WriteInt32LittleEndian(value, scenes.GetDigits(scene).Length);
                file.Write(value);
            }

            for (var scene = 0; scene < scenes.Count; scene++)
            {
                foreach (var digit in scenes.GetDigits(scene))
                {
                    foreach (var field in (ReadOnlySpan<int>)[digit.Digit, digit.X0, digit.Y0, digit.X1, digit.Y1])
                    {
                        BinaryPrimitives.WriteInt32LittleEndian(value, field);
                        file.Write(value);
                    }
                }
            }
        });
    }

    private static byte[] Header(byte[] magic, int version, SceneSet scenes)
    {
        var header = new byte[20];
        magic.CopyTo(header, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), (uint)version);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), (uint)scenes.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), (uint)scenes.CanvasSize);
        return header;
    }

    private static void WriteAtomically(string path, Action<Stream> write)
    {
        var temporary = path + ".tmp";
        using (var file = File.Create(temporary))
        {
            write(file);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
