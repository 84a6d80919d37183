namespace SelfTraining.Sharding;

/// <summary>One self-training fit on MNIST-10k, with sharded or in-process scoring.</summary>
/// <param name="Sharded">Whether each round's scoring went through the shards.</param>
/// <param name="Repeat">The repeat, from 1.</param>
/// <param name="FitSeconds">The fit's wall time (teacher, rounds, students; workers included when sharded).</param>
/// <param name="TeacherAccuracy">The teacher's test accuracy.</param>
/// <param name="StudentAccuracy">The returned model's test accuracy.</param>
/// <param name="PseudoLabeled">Pseudo-labeled rows of each round.</param>
/// <param name="StopReason">Why the rounds stopped.</param>
internal sealed record RoundResult(bool Sharded, int Repeat, double FitSeconds, double TeacherAccuracy, double StudentAccuracy, IReadOnlyList<long> PseudoLabeled, string StopReason);
