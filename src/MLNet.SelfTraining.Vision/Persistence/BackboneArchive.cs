using System.IO.Compression;
using MLNet.SelfTraining.Vision.Models.Backbones;

namespace MLNet.SelfTraining.Vision.Persistence;

/// <summary>
/// A backbone on its own, for any task's network to start from: a zip archive with <c>manifest.json</c>
/// (<see cref="BackboneManifest"/>) and the backbone's TorchSharp weights, written atomically (<see cref="ModelArchive"/>).
/// </summary>
internal static class BackboneArchive
{
    public static void Save(string path, Backbone backbone) =>
        ModelArchive.Save(path, new BackboneManifest { Backbone = backbone.Spec }, backbone);

    /// <summary>Loads the archive's weights into <paramref name="backbone"/>, which must have the same shape.</summary>
    /// <param name="path">The archive.</param>
    /// <param name="backbone">The backbone to initialize.</param>
    /// <param name="option">The option that named the archive, for the mismatch error.</param>
    /// <param name="owner">The type the option belongs to, for the mismatch error.</param>
    /// <exception cref="InvalidDataException">The file is not a backbone archive, is newer, declares impossible values, or its
    /// weights do not fit the declared backbone.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The archive's backbone has another shape than <paramref name="backbone"/>.</exception>
    public static void Load(string path, Backbone backbone, string option, string owner)
    {
        using var zip = ZipFile.OpenRead(path);
        var manifest = ModelArchive.ReadManifest<BackboneManifest>(zip, path);
        var weights = ModelArchive.WeightsEntry(zip, manifest, path);
        var spec = Check(manifest.Backbone, path, "backbone");
        ArchiveSizes.RequireWeights(path, spec.ParameterCount(), weights);
        if (!spec.HasTheShapeOf(backbone.Spec))
        {
            throw new ArgumentOutOfRangeException(option,
                $"The backbone in '{path}' (the '{option}' option of {owner}) must fit the network being trained: "
                + $"expected {backbone.Spec.Describe()}, got {spec.Describe()}.");
        }

        using var stream = weights.Open();
        WeightsReader.Load(backbone, stream, name => name, path, weights.FullName);
    }

    /// <summary>Checks a backbone read from a manifest (names prefixed by <paramref name="field"/>): present, a known
    /// architecture, sizes in range, a stochastic-depth rate in [0, 1).</summary>
    /// <returns><paramref name="spec"/>, known to be present.</returns>
    /// <exception cref="InvalidDataException">The backbone is missing or a value is out of range.</exception>
    public static BackboneSpec Check(BackboneSpec? spec, string path, string field)
    {
        spec = ArchiveFields.Require(path, field, spec);
        ArchiveFields.RequireDefined(path, $"{field}.architecture", spec.Architecture);
        ArchiveFields.RequireRate(path, $"{field}.stochasticDepthRate", spec.StochasticDepthRate);
        ArchiveSizes.Require(path, $"{field}.channels", spec.Channels, 1, 4096);
        ArchiveSizes.Require(path, $"{field}.baseWidth", spec.BaseWidth, 1, 65536);
        ArchiveSizes.Require(path, $"{field}.blocksPerStage (stages)", spec.BlocksPerStage?.Length ?? 0, 1, 16);
        foreach (var blocks in spec.BlocksPerStage!)
        {
            ArchiveSizes.Require(path, $"{field}.blocksPerStage (blocks)", blocks, 1, 1024);
        }

        return spec;
    }
}
