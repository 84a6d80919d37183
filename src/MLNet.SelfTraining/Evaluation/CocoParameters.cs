namespace MLNet.SelfTraining.Evaluation;

/// <summary>
/// pycocotools' default <c>Params</c> for boxes, with its arithmetic: IoU thresholds <c>np.linspace(.5, .95, 10)</c>,
/// recall thresholds <c>np.linspace(0, 1, 101)</c>, area ranges all / small / medium / large (box area in pixels,
/// bounds inclusive) and at most 1, 10 or 100 detections per image and class.
/// </summary>
internal static class CocoParameters
{
    /// <summary>The index of the area range "all" in <see cref="AreaRanges"/>; small, medium and large follow.</summary>
    public const int AllAreas = 0;

    /// <summary>The index of 100 in <see cref="MaximumDetections"/>.</summary>
    public const int MostDetections = 2;

    /// <summary>0.50, 0.55, …, 0.95 as numpy's linspace computes them (start + i · step, the last exactly 0.95).</summary>
    public static readonly double[] IouThresholds = Linspace(0.5, 0.95, 10);

    /// <summary>0, 0.01, …, 1 as numpy's linspace computes them.</summary>
    public static readonly double[] RecallThresholds = Linspace(0, 1, 101);

    /// <summary>[0, 1e5²], [0, 32²], [32², 96²], [96², 1e5²].</summary>
    public static readonly (double Low, double High)[] AreaRanges = [(0, 1e10), (0, 32 * 32), (32 * 32, 96 * 96), (96 * 96, 1e10)];

    /// <summary>1, 10, 100.</summary>
    public static readonly int[] MaximumDetections = [1, 10, 100];

    private static double[] Linspace(double start, double stop, int count)
    {
        double step = (stop - start) / (count - 1);
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (i * step) + start;
        }

        values[^1] = stop;
        return values;
    }
}
