using MLNet.SelfTraining.Students;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Segmentation;

/// <summary>Makes a <see cref="StudentContext"/> current, as the self-training estimator does around a student's fit.</summary>
internal static class StudentRun
{
    public static IDisposable Enter(double pseudoLabelWeight, CancellationToken cancellationToken = default)
        => new StudentContext(pseudoLabelWeight, cancellationToken).Enter();
}
