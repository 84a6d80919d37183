namespace MLNet.SelfTraining.Tests.Tasks.Detection;

/// <summary>
/// The fixed part of the ink-blob detector on S×S scenes (pixel / 255): blobs are 8-connected components of ink at
/// least the scenes' box threshold (64 / 255), each boxed tightly (x1, y1 one past the last inked column and row, as
/// the scenes' boxes); a box is described by its S/4 × S/4 nearest-neighbour resampling, scaled to unit length.
/// </summary>
internal static class InkBlobs
{
    public const int Canvas = 32;
    public const int DescriptorSide = 8;
    public const int DescriptorLength = DescriptorSide * DescriptorSide;
    private const float Ink = 63.5f / 255;
    private const int MinimumPixels = 3;

    /// <summary>The boxes of the blobs of <paramref name="image"/>, 4 floats each, in scan order of their first pixel.</summary>
    public static float[] Find(float[] image)
    {
        var seen = new bool[image.Length];
        var boxes = new List<float>();
        var stack = new Stack<int>();
        for (int start = 0; start < image.Length; start++)
        {
            if (seen[start] || image[start] < Ink)
            {
                continue;
            }

            (int x0, int y0, int x1, int y1, int pixels) = (Canvas, Canvas, -1, -1, 0);
            seen[start] = true;
            stack.Push(start);
            while (stack.TryPop(out int p))
            {
                var (x, y) = (p % Canvas, p / Canvas);
                (x0, y0, x1, y1, pixels) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y), pixels + 1);
                for (int dy = -1; dy <= 1; dy++)
                {
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        var (nx, ny) = (x + dx, y + dy);
                        int q = (ny * Canvas) + nx;
                        if (nx is >= 0 and < Canvas && ny is >= 0 and < Canvas && !seen[q] && image[q] >= Ink)
                        {
                            seen[q] = true;
                            stack.Push(q);
                        }
                    }
                }
            }

            if (pixels >= MinimumPixels)
            {
                boxes.AddRange([x0, y0, x1 + 1, y1 + 1]);
            }
        }

        return [.. boxes];
    }

    /// <summary>The descriptor of box <paramref name="index"/> of <paramref name="boxes"/> in <paramref name="image"/>.</summary>
    public static float[] Describe(float[] image, ReadOnlySpan<float> boxes, int index)
    {
        var (x0, y0, x1, y1) = (boxes[4 * index], boxes[(4 * index) + 1], boxes[(4 * index) + 2], boxes[(4 * index) + 3]);
        var descriptor = new float[DescriptorLength];
        for (int v = 0; v < DescriptorSide; v++)
        {
            for (int u = 0; u < DescriptorSide; u++)
            {
                int x = Math.Clamp((int)(x0 + ((u + 0.5f) * (x1 - x0) / DescriptorSide)), 0, Canvas - 1);
                int y = Math.Clamp((int)(y0 + ((v + 0.5f) * (y1 - y0) / DescriptorSide)), 0, Canvas - 1);
                descriptor[(v * DescriptorSide) + u] = image[(y * Canvas) + x];
            }
        }

        float norm = MathF.Sqrt(descriptor.Sum(d => d * d));
        return norm > 0 ? descriptor.Select(d => d / norm).ToArray() : descriptor;
    }
}
