namespace SelfTraining.Sharding;

/// <summary>The tabular command's measurements, as written to JSON and read back by <c>paper</c>.</summary>
/// <param name="Throughput">Figure 1: the job of the inputs listed several times, through workers and silos.</param>
/// <param name="Overhead">Figure 2: the inputs once, scored, written as one shard and read back in process.</param>
internal sealed record TabularResult(WorkloadResult Throughput, WorkloadResult Overhead);
