namespace SelfTraining.Sharding;

/// <summary>
/// One way of pseudo-labeling a workload: <c>score</c> (the teacher's one pass in process, no shard files),
/// <c>save</c> (the same pass written with <c>mlContext.Data.SaveAsBinary</c>, no shard bookkeeping: ML.NET's writer alone),
/// <c>worker</c> (<c>ShardWorker.Run</c> in process, one shard of everything: score + write), <c>read</c> (<c>ShardSet.Open</c>
/// + one full pass over the union view of the worker's shard: read, checksums included), <c>tool</c> (the shards run
/// by <see cref="Workers"/> processes of the mlnet-selftraining tool through <c>LocalProcessShardRunner</c>), or
/// <c>orleans</c> (one shard per silo of an in-process Orleans test cluster of <see cref="Workers"/> silos, through
/// <c>OrleansShardRunner</c>).
/// </summary>
/// <param name="Name">The arm's name in results and tables.</param>
/// <param name="Kind"><c>score</c>, <c>save</c>, <c>worker</c>, <c>read</c>, <c>tool</c> or <c>orleans</c>.</param>
/// <param name="Workers">Processes (or silos) scoring at once (1 for the in-process arms).</param>
/// <param name="Shards">Shards of the job (1 for the in-process arms).</param>
internal sealed record Arm(string Name, string Kind, int Workers, int Shards)
{
    public static Arm Score { get; } = new("in-process scoring", "score", 1, 1);

    public static Arm Save { get; } = new("score + SaveAsBinary (no shard files)", "save", 1, 1);

    public static Arm Worker { get; } = new("ShardWorker.Run, 1 shard (score + write)", "worker", 1, 1);

    public static Arm Read { get; } = new("ShardSet.Open + full pass (read)", "read", 1, 1);

    public static Arm Orleans(int silos) => new($"Orleans, {silos} silo{(silos > 1 ? "s" : "")}, {silos} shard{(silos > 1 ? "s" : "")}", "orleans", silos, silos);

    public static Arm Tool(int workers, int shards) => new($"tool, {workers} worker{(workers > 1 ? "s" : "")}, {shards} shard{(shards > 1 ? "s" : "")}", "tool", workers, shards);
}
