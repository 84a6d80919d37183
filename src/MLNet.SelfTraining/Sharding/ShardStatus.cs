namespace MLNet.SelfTraining.Sharding;

/// <summary>What a job folder holds for one shard: a valid shard (<see cref="Manifest"/>), nothing, or a file that fails a check (<see cref="Problem"/>).</summary>
/// <param name="Index">The shard.</param>
/// <param name="Start">The first row of its range.</param>
/// <param name="End">One past the last row of its range.</param>
/// <param name="Manifest">The manifest of a valid shard.</param>
/// <param name="Problem">Why the shard's files are refused, naming the file.</param>
internal sealed record ShardStatus(int Index, long Start, long End, ShardManifest? Manifest, string? Problem)
{
    public bool IsValid => Manifest is not null;

    public bool IsMissing => Manifest is null && Problem is null;
}
