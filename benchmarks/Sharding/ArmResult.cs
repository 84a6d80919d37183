namespace SelfTraining.Sharding;

/// <summary>One measurement of an <see cref="Arm"/> on a workload.</summary>
/// <param name="Arm">The arm's name.</param>
/// <param name="Repeat">The repeat, from 1.</param>
/// <param name="Seconds">Wall time: for the tool, from the first worker's start to the last shard written; in process, from loading the teacher (or opening the shards) to the end of the pass.</param>
/// <param name="Rows">Rows (or images) pseudo-labeled or read.</param>
/// <param name="ShardBytes">Bytes of the shard data files written (0 for in-process scoring).</param>
internal sealed record ArmResult(string Arm, int Repeat, double Seconds, long Rows, long ShardBytes)
{
    public double RowsPerSecond => Rows / Seconds;
}
