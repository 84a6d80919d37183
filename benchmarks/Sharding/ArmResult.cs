namespace SelfTraining.Sharding;

/// <summary>One measurement of an <see cref="Arm"/> on a workload.</summary>
/// <param name="Arm">The arm's name.</param>
/// <param name="Repeat">The repeat, from 1.</param>
/// <param name="Seconds">Wall time: for the tool, from the first worker's start to the last shard written; in process, from loading the teacher (or opening the shards) to the end of the pass.</param>
/// <param name="Rows">Rows (or images) pseudo-labeled or read.</param>
/// <param name="ShardBytes">Bytes of the shard data files written (0 for in-process scoring).</param>
/// <param name="WorkerCpuSeconds">User + system CPU time over the timed span: of the worker processes for the tool's arms, of the silos' process for the Orleans arms (0 for the in-process arms).</param>
internal sealed record ArmResult(string Arm, int Repeat, double Seconds, long Rows, long ShardBytes, double WorkerCpuSeconds = 0)
{
    public double RowsPerSecond => Rows / Seconds;

    /// <summary>The workers' CPU time over the wall time: 1 = one core busy for the whole run.</summary>
    public double WorkerCpuLoad => WorkerCpuSeconds / Seconds;
}
