using System.IO.Compression;
using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>
/// The classifier archive: a zip with <c>manifest.json</c> (<see cref="ClassifierManifest"/>) and the network's weights,
/// written atomically (<see cref="ModelArchive"/>). Reading checks the manifest's sizes before building the network and
/// migrates version-1 archives (<see cref="ClassifierArchiveV1"/>).
/// </summary>
internal static class ClassifierArchive
{
    public static void Save(string path, ClassifierManifest manifest, ClassifierNetwork network) =>
        ModelArchive.Save(path, manifest, network);

    /// <summary>Reads the manifest and builds the network with the archive's weights.</summary>
    /// <exception cref="InvalidDataException">The file is not a classifier archive, is newer, declares impossible sizes, or
    /// its weights do not fit the declared network.</exception>
    public static (ClassifierManifest Manifest, ClassifierNetwork Network) Load(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var manifest = ModelArchive.ReadManifest<ClassifierManifest>(zip, path);
        var weights = ModelArchive.WeightsEntry(zip, manifest, path);
        CheckSizes(manifest.Network, path);
        ArchiveSizes.RequireWeights(path, manifest.Network.ParameterCount(), weights);
        var network = new ClassifierNetwork(manifest.Network);
        try
        {
            using var stream = weights.Open();
            if (manifest.FormatVersion == ClassifierArchiveV1.FormatVersion)
            {
                RenamedWeights.Load(network, stream, ClassifierArchiveV1.Rename, path);
            }
            else
            {
                network.load(stream);
            }
        }
        catch
        {
            network.Dispose();
            throw;
        }

        return (manifest, network);
    }

    private static void CheckSizes(ClassifierSpec spec, string path)
    {
        BackboneArchive.CheckSizes(spec.Backbone, path, "network");
        ArchiveSizes.Require(path, "network.imageHeight", spec.ImageHeight, 4, 65536);
        ArchiveSizes.Require(path, "network.imageWidth", spec.ImageWidth, 4, 65536);
        ArchiveSizes.Require(path, "network.classCount", spec.ClassCount, 2, 1 << 24);
    }
}
