using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Pretraining;

/// <summary>
/// The SimCLR embedding archive: a zip with <c>manifest.json</c> (<see cref="SimClrManifest"/>) and the embedding network's
/// weights, written atomically (<see cref="ModelArchive"/>). Reading checks every manifest field and the weights' size
/// before building the network, then each tensor of the weights against it.
/// </summary>
internal static class SimClrArchive
{
    public static void Save(string path, SimClrManifest manifest, ImageNetwork network) =>
        ModelArchive.Save(path, manifest, network);

    /// <summary>Reads the manifest and builds the embedding network with the archive's weights.</summary>
    /// <exception cref="InvalidDataException">The file is not a SimCLR embedding archive, is newer, declares impossible
    /// values, or its weights do not fit the declared backbone.</exception>
    public static (SimClrManifest Manifest, ImageNetwork Network) Load(string path) =>
        ModelArchive.Load<SimClrManifest, ImageNetwork>(
            path,
            manifest =>
            {
                Check(manifest, path);
                return manifest.Backbone.ParameterCount();
            },
            manifest => SimClrNetwork.CreateEmbedding(manifest.Backbone));

    /// <summary>Checks every field of <paramref name="manifest"/>: the backbone, the input shape, the scoring fields and
    /// the output column.</summary>
    /// <exception cref="InvalidDataException">A field is missing or out of range.</exception>
    public static void Check(SimClrManifest manifest, string path)
    {
        var backbone = BackboneArchive.Check(manifest.Backbone, path, "backbone");
        ArchiveSizes.Require(path, "imageHeight", manifest.ImageHeight, 4, 65536);
        ArchiveSizes.Require(path, "imageWidth", manifest.ImageWidth, 4, 65536);
        var inputSize = (long)backbone.Channels * manifest.ImageHeight * manifest.ImageWidth;
        ArchiveSizes.Require(path, "input (backbone.channels × imageHeight × imageWidth)", inputSize, 16, NetworkManifestChecks.MaximumInputSize);
        NetworkManifestChecks.RequireScoring(path, manifest.InferenceBatchSize, inputSize, backbone.OutputChannels, "backbone output channels",
            manifest.NumberOfThreads, manifest.InputScale, manifest.FeatureColumnName);
        ArchiveFields.RequireName(path, "outputColumnName", manifest.OutputColumnName);
    }
}
