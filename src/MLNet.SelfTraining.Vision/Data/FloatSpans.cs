namespace MLNet.SelfTraining.Vision.Data;

/// <summary>Checks on rows of floats shared by training and scoring.</summary>
internal static class FloatSpans
{
    /// <summary>Whether any value is NaN (a missing pixel, weight or probability).</summary>
    public static bool ContainsNaN(ReadOnlySpan<float> values)
    {
        foreach (var v in values)
        {
            if (float.IsNaN(v))
            {
                return true;
            }
        }
        return false;
    }
}
