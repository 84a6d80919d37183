using System.Collections;

namespace MLNet.SelfTraining.Vision.Tests.Infrastructure;

/// <summary>Compares floats with an absolute tolerance (for <see cref="CollectionAssert"/>).</summary>
internal sealed class ToleranceComparer(float tolerance) : IComparer
{
    public int Compare(object? x, object? y) => Math.Abs((float)x! - (float)y!) <= tolerance ? 0 : 1;
}
