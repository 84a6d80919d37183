namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary>
/// The migration of classifier archives of format version 1, written before the network was split into a backbone and
/// a head: their weights have the keys of the old single modules, where the classification layer was <c>fc.*</c> and
/// everything else (stem, blocks, batch norms) was at the top level. In version 2 the same tensors are
/// <c>head.fc.*</c> and <c>backbone.*</c>.
/// </summary>
internal static class ClassifierArchiveV1
{
    public const int FormatVersion = 1;

    /// <summary>The version-2 key of a version-1 key.</summary>
    public static string Rename(string key) => key.StartsWith("fc.", StringComparison.Ordinal) ? $"head.{key}" : $"backbone.{key}";
}
