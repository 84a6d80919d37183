using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary>
/// Checks every field of a segmenter manifest before anything is built from it: the network (backbone, image and class
/// sizes, dropout), the input and scoring sizes, the class names (one per class, bounded, distinct), the column names,
/// the input scale and the thread count.
/// </summary>
internal static class SegmenterManifestChecks
{
    /// <summary>The most values (C·H·W) of one input image: 2^24 (64 MiB of float32).</summary>
    public const long MaximumInputSize = 1 << 24;

    /// <summary>The most values of one scoring batch's buffers, inputs and outputs (2 per pixel): 2^28 (1 GiB of float32).</summary>
    public const long MaximumBatchValues = 1 << 28;

    /// <summary>The most threads a manifest may record (it is not applied on load).</summary>
    public const int MaximumThreads = 1024;

    /// <exception cref="InvalidDataException">A field is missing or out of range.</exception>
    public static void Check(SegmenterManifest manifest, string path)
    {
        var spec = ArchiveFields.Require(path, "network", manifest.Network);
        BackboneArchive.Check(spec.Backbone, path, "network");
        ArchiveFields.RequireRate(path, "network.dropoutRate", spec.DropoutRate);
        ArchiveSizes.Require(path, "network.imageHeight", spec.ImageHeight, 4, 65536);
        ArchiveSizes.Require(path, "network.imageWidth", spec.ImageWidth, 4, 65536);
        var inputSize = (long)spec.Channels * spec.ImageHeight * spec.ImageWidth;
        ArchiveSizes.Require(path, "network input (channels × imageHeight × imageWidth)", inputSize, 16, MaximumInputSize);
        ArchiveSizes.Require(path, "network.classCount", spec.ClassCount, 2, SegmentationMasks.MaximumClassCount);
        ArchiveSizes.Require(path, "inferenceBatchSize", manifest.InferenceBatchSize, 1, 65536);
        var outputSize = 2L * spec.ImageHeight * spec.ImageWidth;
        ArchiveSizes.Require(path, "inferenceBatchSize × (network input + 2 × imageHeight × imageWidth) values",
            manifest.InferenceBatchSize * (inputSize + outputSize), 1, MaximumBatchValues);
        ArchiveSizes.Require(path, "numberOfThreads", manifest.NumberOfThreads, 1, MaximumThreads);
        ArchiveFields.RequirePositive(path, "inputScale", manifest.InputScale);
        ArchiveFields.RequireName(path, "featureColumnName", manifest.FeatureColumnName);
        ArchiveFields.RequireName(path, "maskColumnName", manifest.MaskColumnName);
        ArchiveFields.RequireName(path, "predictedMaskColumnName", manifest.PredictedMaskColumnName);
        ArchiveFields.RequireName(path, "confidenceColumnName", manifest.ConfidenceColumnName);
        ArchiveFields.Require(path, "classNames", manifest.ClassNames);
        ArchiveFields.RequireClassNames(path, manifest.ClassNames, spec.ClassCount);
        for (var i = 0; i < manifest.ClassNames.Length; i++)
        {
            ArchiveFields.RequireName(path, $"classNames[{i}]", manifest.ClassNames[i]);
        }
    }
}
