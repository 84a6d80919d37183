using System.Buffers.Binary;
using MLNet.SelfTraining.SampleData.Scenes;

namespace SelfTraining.Vision;

/// <summary>
/// The scene file the Python replica reads (benchmarks/python/vision/segmentation.py, <c>read_scene_file</c>): one
/// <see cref="SceneSet"/>, little-endian:
/// <code>
/// magic    8 bytes  "MLSTSCN\0"
/// version  uint32   1
/// count    uint32   N scenes
/// canvas   uint32   S pixels
/// images   N·S·S bytes, scene by scene, row-major (0 = background, 255 = ink)
/// masks    N·S·S bytes, the same order (class 0 = background, d + 1 = digit d, 255 = ignore)
/// </code>
/// A folder per scene generation (<see cref="Folder"/>) holds <c>test-N.bin</c>, <c>labeled-N.bin</c> and
/// <c>unlabeled-N.bin</c>.
/// </summary>
internal static class SceneFile
{
    public const int Version = 1;

    private static readonly byte[] s_magic = "MLSTSCN\0"u8.ToArray();

    /// <summary>The folder of the scenes of <paramref name="config"/>'s generation under <paramref name="root"/>: <c>c&lt;canvas&gt;-d&lt;digits&gt;-seed&lt;scenesSeed&gt;</c>.</summary>
    public static string Folder(string root, SegmentConfig config) =>
        Path.Combine(root, FormattableString.Invariant($"c{config.Canvas}-d{config.MaximumDigits}-seed{config.ScenesSeed}"));

    /// <summary>Writes <paramref name="scenes"/> to <paramref name="folder"/>/<paramref name="name"/>-N.bin, atomically replacing it.</summary>
    public static void Write(string folder, string name, SceneSet scenes)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FormattableString.Invariant($"{name}-{scenes.Count}.bin"));
        var temporary = path + ".tmp";
        using (var file = File.Create(temporary))
        {
            Span<byte> header = stackalloc byte[20];
            s_magic.CopyTo(header);
            BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Version);
            BinaryPrimitives.WriteUInt32LittleEndian(header[12..], (uint)scenes.Count);
            BinaryPrimitives.WriteUInt32LittleEndian(header[16..], (uint)scenes.CanvasSize);
            file.Write(header);
            file.Write(scenes.Images.Span);
            file.Write(scenes.Masks.Span);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
