using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>
/// The classifier archive: a zip with <c>manifest.json</c> (<see cref="ClassifierManifest"/>) and the network's weights,
/// written atomically (<see cref="ModelArchive"/>). Reading checks every manifest field (<see cref="ClassifierManifestChecks"/>)
/// and the weights' size before building the network, then each tensor of the weights against it
/// (<see cref="WeightsReader"/>), and migrates version-1 archives (<see cref="ClassifierArchiveV1"/>).
/// </summary>
internal static class ClassifierArchive
{
    public static void Save(string path, ClassifierManifest manifest, ImageNetwork network) =>
        ModelArchive.Save(path, manifest, network);

    /// <summary>Reads the manifest and builds the network with the archive's weights.</summary>
    /// <exception cref="InvalidDataException">The file is not a classifier archive, is newer, declares impossible values, or
    /// its weights do not fit the declared network.</exception>
    public static (ClassifierManifest Manifest, ImageNetwork Network) Load(string path) =>
        ModelArchive.Load<ClassifierManifest, ImageNetwork>(
            path,
            manifest =>
            {
                ClassifierManifestChecks.Check(manifest, path);
                return ClassifierNetwork.ParameterCount(manifest.Network);
            },
            manifest => ClassifierNetwork.Create(manifest.Network),
            manifest => manifest.FormatVersion == ClassifierArchiveV1.FormatVersion ? ClassifierArchiveV1.Rename : name => name);
}
