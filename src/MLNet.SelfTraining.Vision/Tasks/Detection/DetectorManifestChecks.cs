using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>
/// Checks every field of a detector manifest before anything is built from it: the network, the class count, the
/// decoding settings, the scoring fields (<see cref="NetworkManifestChecks"/>; the outputs are 1 + 6 values per
/// detection), the column names and the class names (one per class, bounded, distinct).
/// </summary>
internal static class DetectorManifestChecks
{
    /// <summary>The most object classes a detector may have.</summary>
    public const int MaximumClassCount = 4096;

    /// <summary>The most boxes a detector may output per image.</summary>
    public const int MaximumDetections = 1000;

    /// <exception cref="InvalidDataException">A field is missing or out of range.</exception>
    public static void Check(DetectorManifest manifest, string path)
    {
        var (spec, inputSize) = NetworkManifestChecks.RequireNetwork(path, manifest.Network);
        ArchiveSizes.Require(path, "network.classCount", spec.ClassCount, 1, MaximumClassCount);
        ArchiveSizes.Require(path, "maximumDetections", manifest.MaximumDetections, 1, MaximumDetections);
        RequireFraction(path, "scoreThreshold", manifest.ScoreThreshold);
        RequireFraction(path, "nmsIouThreshold", manifest.NmsIouThreshold);
        NetworkManifestChecks.RequireScoring(path, manifest.InferenceBatchSize, inputSize, DetectionRow.Size(manifest.MaximumDetections),
            "1 + 6 × maximumDetections", manifest.NumberOfThreads, manifest.InputScale, manifest.FeatureColumnName);
        ArchiveFields.RequireName(path, "labelColumnName", manifest.LabelColumnName);
        ArchiveFields.RequireName(path, "boxColumnName", manifest.BoxColumnName);
        ArchiveFields.RequireName(path, "predictedLabelColumnName", manifest.PredictedLabelColumnName);
        ArchiveFields.RequireName(path, "scoreColumnName", manifest.ScoreColumnName);
        ArchiveFields.RequireName(path, "predictedBoundingBoxesColumnName", manifest.PredictedBoundingBoxesColumnName);
        ArchiveFields.Require(path, "classNames", manifest.ClassNames);
        ArchiveFields.RequireClassNames(path, manifest.ClassNames, spec.ClassCount);
        for (var i = 0; i < manifest.ClassNames.Length; i++)
        {
            ArchiveFields.RequireName(path, $"classNames[{i}]", manifest.ClassNames[i]);
        }
    }

    private static void RequireFraction(string path, string field, float value)
    {
        if (value is not (>= 0 and <= 1))
        {
            throw new InvalidDataException($"'{path}' declares {field} = {value}; expected a number in [0, 1].");
        }
    }
}
