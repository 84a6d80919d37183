using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Tasks.Segmentation;

/// <summary>
/// Checks every field of a segmenter manifest before anything is built from it: the network and the scoring fields
/// (<see cref="NetworkManifestChecks"/>; the outputs are 2 values per pixel), the class count, the column names and the
/// class names (one per class, bounded, distinct).
/// </summary>
internal static class SegmenterManifestChecks
{
    /// <exception cref="InvalidDataException">A field is missing or out of range.</exception>
    public static void Check(SegmenterManifest manifest, string path)
    {
        var (spec, inputSize) = NetworkManifestChecks.RequireNetwork(path, manifest.Network);
        ArchiveSizes.Require(path, "network.classCount", spec.ClassCount, 2, SegmentationMasks.MaximumClassCount);
        NetworkManifestChecks.RequireScoring(path, manifest.InferenceBatchSize, inputSize, 2L * spec.ImageHeight * spec.ImageWidth,
            "2 × imageHeight × imageWidth", manifest.NumberOfThreads, manifest.InputScale, manifest.FeatureColumnName);
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
