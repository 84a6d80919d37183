namespace MLNet.SelfTraining.Tests;

/// <summary>Keeps every report of a run in order (synchronously, unlike <see cref="Progress{T}"/>).</summary>
internal sealed class ProgressRecorder : IProgress<SelfTrainingProgress>
{
    public List<SelfTrainingProgress> Items { get; } = [];

    public void Report(SelfTrainingProgress value) => Items.Add(value);
}
