using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>
/// Checks every field of a classifier manifest before anything is built from it: the network (backbone, image and class
/// sizes, dropout), the input and scoring sizes, the class names (one per class, bounded, distinct), the column names,
/// the input scale and the thread count.
/// </summary>
internal static class ClassifierManifestChecks
{
    /// <summary>The most classes an archive may declare.</summary>
    public const int MaximumClasses = 1 << 16;

    /// <summary>The most values (C·H·W) of one input image: 2^24 (64 MiB of float32).</summary>
    public const long MaximumInputSize = 1 << 24;

    /// <summary>The most values of one scoring batch's buffers, inputs and scores: 2^28 (1 GiB of float32).</summary>
    public const long MaximumBatchValues = 1 << 28;

    /// <summary>The most threads a manifest may record (it is not applied on load).</summary>
    public const int MaximumThreads = 1024;

    /// <exception cref="InvalidDataException">A field is missing or out of range.</exception>
    public static void Check(ClassifierManifest manifest, string path)
    {
        var spec = ArchiveFields.Require(path, "network", manifest.Network);
        BackboneArchive.Check(spec.Backbone, path, "network");
        ArchiveFields.RequireRate(path, "network.dropoutRate", spec.DropoutRate);
        ArchiveSizes.Require(path, "network.imageHeight", spec.ImageHeight, 4, 65536);
        ArchiveSizes.Require(path, "network.imageWidth", spec.ImageWidth, 4, 65536);
        var inputSize = (long)spec.Channels * spec.ImageHeight * spec.ImageWidth;
        ArchiveSizes.Require(path, "network input (channels × imageHeight × imageWidth)", inputSize, 16, MaximumInputSize);
        ArchiveSizes.Require(path, "network.classCount", spec.ClassCount, 2, MaximumClasses);
        ArchiveSizes.Require(path, "inferenceBatchSize", manifest.InferenceBatchSize, 1, 65536);
        ArchiveSizes.Require(path, "inferenceBatchSize × (network input + network.classCount) values",
            manifest.InferenceBatchSize * (inputSize + spec.ClassCount), 1, MaximumBatchValues);
        ArchiveSizes.Require(path, "numberOfThreads", manifest.NumberOfThreads, 1, MaximumThreads);
        ArchiveFields.RequirePositive(path, "inputScale", manifest.InputScale);
        ArchiveFields.RequireName(path, "featureColumnName", manifest.FeatureColumnName);
        ArchiveFields.RequireName(path, "labelColumnName", manifest.LabelColumnName);
        ArchiveFields.RequireName(path, "scoreColumnName", manifest.ScoreColumnName);
        ArchiveFields.RequireName(path, "predictedLabelColumnName", manifest.PredictedLabelColumnName);
        ArchiveFields.RequireClassNames(path, manifest.ClassNames, spec.ClassCount);
    }
}
