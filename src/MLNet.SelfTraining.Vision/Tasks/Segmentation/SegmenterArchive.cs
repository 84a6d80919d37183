using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary>
/// The segmenter archive: a zip with <c>manifest.json</c> (<see cref="SegmenterManifest"/>) and the network's weights,
/// written atomically (<see cref="ModelArchive"/>). Reading checks every manifest field (<see cref="SegmenterManifestChecks"/>)
/// and the weights' size before building the network, then each tensor of the weights against it (<see cref="WeightsReader"/>).
/// </summary>
internal static class SegmenterArchive
{
    public static void Save(string path, SegmenterManifest manifest, ImageNetwork network) =>
        ModelArchive.Save(path, manifest, network);

    /// <summary>Reads the manifest and builds the network with the archive's weights.</summary>
    /// <exception cref="InvalidDataException">The file is not a segmenter archive, is newer, declares impossible values, or
    /// its weights do not fit the declared network.</exception>
    public static (SegmenterManifest Manifest, ImageNetwork Network) Load(string path) =>
        ModelArchive.Load<SegmenterManifest, ImageNetwork>(
            path,
            manifest =>
            {
                SegmenterManifestChecks.Check(manifest, path);
                return SegmenterNetwork.ParameterCount(manifest.Network);
            },
            manifest => SegmenterNetwork.Create(manifest.Network));
}
