using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>
/// The detector archive: a zip with <c>manifest.json</c> (<see cref="DetectorManifest"/>) and the network's weights,
/// written atomically (<see cref="ModelArchive"/>). Reading checks every manifest field (<see cref="DetectorManifestChecks"/>)
/// and the weights' size before building the network, then each tensor of the weights against it (<see cref="WeightsReader"/>).
/// </summary>
internal static class DetectorArchive
{
    public static void Save(string path, DetectorManifest manifest, ImageNetwork network) =>
        ModelArchive.Save(path, manifest, network);

    /// <summary>Reads the manifest and builds the network with the archive's weights.</summary>
    /// <exception cref="InvalidDataException">The file is not a detector archive, is newer, declares impossible values, or
    /// its weights do not fit the declared network.</exception>
    public static (DetectorManifest Manifest, ImageNetwork Network) Load(string path) =>
        ModelArchive.Load<DetectorManifest, ImageNetwork>(
            path,
            manifest =>
            {
                DetectorManifestChecks.Check(manifest, path);
                return DetectorNetwork.ParameterCount(manifest.Network);
            },
            manifest => DetectorNetwork.Create(manifest.Network));
}
