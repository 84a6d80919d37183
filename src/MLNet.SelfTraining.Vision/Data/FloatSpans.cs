namespace MLNet.SelfTraining.Vision.Data;

/// <summary>Checks on rows of floats shared by training and scoring.</summary>
internal static class FloatSpans
{
    /// <summary>Whether any value is NaN or ±Inf (a missing or unusable pixel, weight or probability).</summary>
    public static bool ContainsNonFinite(ReadOnlySpan<float> values)
    {
        foreach (var v in values)
        {
            if (!float.IsFinite(v))
            {
                return true;
            }
        }
        return false;
    }
}
