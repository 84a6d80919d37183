using System.Reflection;
using MLNet.SelfTraining.Students;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Segmentation;

/// <summary>
/// Makes a <see cref="StudentContext"/> current, as the self-training estimator does around a student's fit (its
/// constructor and <c>Enter</c> are internal to the core, so the tests reach them by reflection until a segmentation
/// self-training stage exists to drive the student).
/// </summary>
internal static class StudentRun
{
    public static IDisposable Enter(double pseudoLabelWeight, CancellationToken cancellationToken = default)
    {
        var context = typeof(StudentContext)
            .GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, [typeof(double), typeof(CancellationToken)])!
            .Invoke([pseudoLabelWeight, cancellationToken]);
        return (IDisposable)typeof(StudentContext).GetMethod("Enter", BindingFlags.NonPublic | BindingFlags.Instance)!.Invoke(context, null)!;
    }
}
