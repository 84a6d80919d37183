namespace MLNet.SelfTraining.Tasks.Detection;

/// <summary>
/// Areas and intersection over union of boxes stored 4 floats per box (x0, y0, x1, y1 in pixels), in double precision
/// and without the "+1" of inclusive pixel boxes, as pycocotools' <c>maskApi.c</c> computes them.
/// </summary>
internal static class BoxGeometry
{
    /// <summary>(x1 − x0)(y1 − y0) of box <paramref name="index"/> of <paramref name="boxes"/>.</summary>
    public static double Area(ReadOnlySpan<float> boxes, int index)
    {
        var b = boxes.Slice(4 * index, 4);
        return ((double)b[2] - b[0]) * ((double)b[3] - b[1]);
    }

    /// <summary>Whether box <paramref name="index"/> has x1 &gt; x0 and y1 &gt; y0 (a positive area).</summary>
    public static bool HasArea(ReadOnlySpan<float> boxes, int index)
    {
        var b = boxes.Slice(4 * index, 4);
        return b[2] > b[0] && b[3] > b[1];
    }

    /// <summary>The intersection over union of box <paramref name="i"/> of <paramref name="a"/> and box <paramref name="j"/> of <paramref name="b"/>; 0 when they do not overlap or their union is empty.</summary>
    public static double Iou(ReadOnlySpan<float> a, int i, ReadOnlySpan<float> b, int j)
    {
        var p = a.Slice(4 * i, 4);
        var q = b.Slice(4 * j, 4);
        double w = Math.Min((double)p[2], q[2]) - Math.Max((double)p[0], q[0]);
        double h = Math.Min((double)p[3], q[3]) - Math.Max((double)p[1], q[1]);
        if (w <= 0 || h <= 0)
        {
            return 0;
        }

        double intersection = w * h;
        double union = Area(a, i) + Area(b, j) - intersection;
        return union > 0 ? intersection / union : 0;
    }
}
