using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>
/// Checks every field of a classifier manifest before anything is built from it: the network and the scoring fields
/// (<see cref="NetworkManifestChecks"/>), the class count, the column names and the class names (one per class, bounded,
/// distinct).
/// </summary>
internal static class ClassifierManifestChecks
{
    /// <summary>The most classes an archive may declare.</summary>
    public const int MaximumClasses = 1 << 16;

    /// <exception cref="InvalidDataException">A field is missing or out of range.</exception>
    public static void Check(ClassifierManifest manifest, string path)
    {
        var (spec, inputSize) = NetworkManifestChecks.RequireNetwork(path, manifest.Network);
        ArchiveSizes.Require(path, "network.classCount", spec.ClassCount, 2, MaximumClasses);
        NetworkManifestChecks.RequireScoring(path, manifest.InferenceBatchSize, inputSize, spec.ClassCount, "network.classCount",
            manifest.NumberOfThreads, manifest.InputScale, manifest.FeatureColumnName);
        ArchiveFields.RequireName(path, "labelColumnName", manifest.LabelColumnName);
        ArchiveFields.RequireName(path, "scoreColumnName", manifest.ScoreColumnName);
        ArchiveFields.RequireName(path, "predictedLabelColumnName", manifest.PredictedLabelColumnName);
        ArchiveFields.RequireClassNames(path, manifest.ClassNames, spec.ClassCount);
    }
}
