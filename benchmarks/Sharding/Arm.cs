namespace SelfTraining.Sharding;

/// <summary>
/// One way of pseudo-labeling a workload: <c>score</c> (the teacher's one pass in process, no shard files),
/// <c>save</c> (the same pass written with <c>mlContext.Data.SaveAsBinary</c>, no shard bookkeeping: ML.NET's writer alone),
/// <c>worker</c> (<c>ShardWorker.Run</c> in process, one shard of everything: score + write), <c>read</c> (<c>ShardSet.Open</c>
/// + one full pass over the union view of the worker's shard: read, checksums included), <c>tool</c> (the shards run
/// by <see cref="Workers"/> processes of the mlnet-selftraining tool through <c>LocalProcessShardRunner</c>), <c>pinned</c>
/// (one tool process per shard, worker i pinned to core i with <c>taskset -c i</c>, all started at once: what a batch
/// engine does, one process per shard; see <see cref="Taskset"/>), or <c>orleans</c> (one shard per silo of an in-process Orleans test cluster of <see cref="Workers"/> silos, through
/// <c>OrleansShardRunner</c>).
/// </summary>
/// <param name="Name">The arm's name in results and tables.</param>
/// <param name="Kind"><c>score</c>, <c>save</c>, <c>worker</c>, <c>read</c>, <c>tool</c>, <c>pinned</c> or <c>orleans</c>.</param>
/// <param name="Workers">Processes (or silos) scoring at once (1 for the in-process arms).</param>
/// <param name="Shards">Shards of the job (1 for the in-process arms).</param>
/// <param name="TieredPgo">
/// .NET's dynamic PGO in the arm's child process (the default, true) or off (<c>DOTNET_TieredPGO=0</c>): the Orleans
/// arms run with it off, and once with it on to show why (the report's Orleans paragraph).
/// </param>
internal sealed record Arm(string Name, string Kind, int Workers, int Shards, bool TieredPgo = true)
{
    public static Arm Score { get; } = new("in-process scoring", "score", 1, 1);

    public static Arm Save { get; } = new("score + SaveAsBinary (no shard files)", "save", 1, 1);

    public static Arm Worker { get; } = new("ShardWorker.Run, 1 shard (score + write)", "worker", 1, 1);

    public static Arm Read { get; } = new("ShardSet.Open + full pass (read)", "read", 1, 1);

    public static Arm Orleans(int silos, bool tieredPgo = false) => new(
        $"Orleans, {silos} silo{(silos > 1 ? "s" : "")}, {silos} shard{(silos > 1 ? "s" : "")}{(tieredPgo ? ", dynamic PGO on" : "")}", "orleans", silos, silos, tieredPgo);

    public static Arm Pinned(int workers) => new(workers == 1 ? "tool, 1 worker on 1 core" : $"tool, {workers} workers, 1 core each", "pinned", workers, workers);

    public static Arm Tool(int workers, int shards) => new($"tool, {workers} worker{(workers > 1 ? "s" : "")}, {shards} shard{(shards > 1 ? "s" : "")}", "tool", workers, shards);

    /// <summary>The arm runs worker processes of the tool (<c>tool</c> or <c>pinned</c>).</summary>
    public bool RunsTool => Kind is "tool" or "pinned";

    /// <summary>The arm measures its CPU time (the tool's workers, or the silos' process).</summary>
    public bool MeasuresCpu => RunsTool || Kind == "orleans";
}
