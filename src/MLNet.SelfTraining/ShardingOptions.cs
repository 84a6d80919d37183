using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining;

/// <summary>
/// Sharded scoring (<see cref="SelfTrainingOptions.Sharding"/>): each round's teacher is saved with
/// <c>mlContext.Model.Save</c>, the unlabeled rows (saved once per fit as an ML.NET binary file) are scored in shards by
/// <see cref="Runner"/>, and the shards are read back as one view by the same selection as in-process scoring, so the
/// pseudo labels are the same. The teacher must be a model ML.NET can save and the workers can load: the
/// <c>mlnet-selftraining</c> tool loads plain ML.NET models, with ONNX and image transforms; not TorchSharp archives
/// (export those with <c>SaveAsMLNetModel</c>) nor custom mappings of the application's own assemblies.
/// </summary>
public sealed class ShardingOptions
{
    /// <summary>The number of workers of the default runner.</summary>
    public const int DefaultWorkers = 2;

    /// <summary>
    /// The engine that runs the shards. Default <see langword="null"/>: a <see cref="LocalProcessShardRunner"/> with
    /// <see cref="DefaultWorkers"/> worker processes of the <c>mlnet-selftraining</c> tool on the <c>PATH</c>.
    /// </summary>
    public IShardRunner? Runner { get; set; }

    /// <summary>
    /// Shards per round, 1 to <see cref="ShardJob.MaximumShardCount"/>. Default <see langword="null"/>: twice the
    /// runner's <see cref="IShardRunner.Concurrency"/>, so a slow shard holds up at most half a worker's share.
    /// </summary>
    public int? ShardCount { get; set; }

    /// <summary>Attempts per shard before the round fails naming it; at least 1. Default 3.</summary>
    public int MaximumAttempts { get; set; } = 3;

    /// <summary>
    /// Where the rows, teachers and shards are written (every worker must see it: shared storage for machines); a
    /// folder per fit is made inside and deleted when the fit ends. Default <see langword="null"/>: the run's private
    /// folder under <c>MLContext.TempFilePath</c>, where pseudo-labeled rows are spilled.
    /// </summary>
    public string? WorkingFolder { get; set; }

    /// <summary>Checks the options and throws an exception that names the offending one.</summary>
    public void Validate()
    {
        if (ShardCount is { } count && count is < 1 or > ShardJob.MaximumShardCount)
        {
            throw new ArgumentOutOfRangeException(nameof(ShardCount), count, $"{nameof(ShardCount)} must be 1 to {ShardJob.MaximumShardCount} or null; got {count}.");
        }

        if (MaximumAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumAttempts), MaximumAttempts, $"{nameof(MaximumAttempts)} must be 1 or more; got {MaximumAttempts}.");
        }

        if (WorkingFolder is not null && string.IsNullOrWhiteSpace(WorkingFolder))
        {
            throw new ArgumentException($"{nameof(WorkingFolder)} must be a folder path or null; got '{WorkingFolder}'.", nameof(WorkingFolder));
        }

        if (Runner is { Concurrency: < 1 } runner)
        {
            throw new ArgumentOutOfRangeException(nameof(Runner), runner.Concurrency, $"{nameof(Runner)}.{nameof(IShardRunner.Concurrency)} must be 1 or more; got {runner.Concurrency}.");
        }
    }
}
