namespace MLNet.SelfTraining.Vision.Persistence;

/// <summary>What every archive manifest starts with: the format name and version, read before the rest.</summary>
internal sealed record ArchiveHeader(string? Format, int FormatVersion);
