namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>
/// The layout of one image's decoded detections in the scorer's output row: <c>[n, (class, score, x0, y0, x1, y1) × M]</c>
/// with n ≤ M boxes in descending score, class the 0-based class index, and the unused slots 0.
/// </summary>
internal static class DetectionRow
{
    /// <summary>Floats per box: class, score and four corners.</summary>
    public const int FieldsPerBox = 6;

    /// <summary>Floats of a row holding up to <paramref name="maximumDetections"/> boxes.</summary>
    public static int Size(int maximumDetections) => 1 + (FieldsPerBox * maximumDetections);

    /// <summary>The number of boxes of a row.</summary>
    public static int Count(ReadOnlySpan<float> row) => (int)row[0];

    /// <summary>The class index of box <paramref name="box"/>.</summary>
    public static int Class(ReadOnlySpan<float> row, int box) => (int)row[1 + (FieldsPerBox * box)];

    /// <summary>The score of box <paramref name="box"/>.</summary>
    public static float Score(ReadOnlySpan<float> row, int box) => row[2 + (FieldsPerBox * box)];

    /// <summary>The corners x0, y0, x1, y1 of box <paramref name="box"/>.</summary>
    public static ReadOnlySpan<float> Corners(ReadOnlySpan<float> row, int box) => row.Slice(3 + (FieldsPerBox * box), 4);
}
