using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>
/// Builds CenterNet's training targets from each image's boxes (after augmentation), on the network's map of h×w cells
/// of <c>s</c> pixels. Per box <c>x0 y0 x1 y1</c> (pixels) of class k: centre <c>c = ((x0 + x1) / 2s, (y0 + y1) / 2s)</c>;
/// cell <c>p = ⌊c⌋</c> clamped to the map; size target <c>((x1 − x0) / s, (y1 − y0) / s)</c> and offset target
/// <c>c − p</c> at p; class k's heatmap is the elementwise maximum over its boxes of
/// <c>exp(−((x − px)² + (y − py)²) / 2σ²)</c> over the whole map, with <c>σ = (2r + 1) / 6</c> and
/// <c>r = max(0, ⌊<see cref="GaussianRadius"/>(box height, box width in cells, 0.7)⌋)</c> — so the cell p itself is
/// exactly 1. Boxes sharing a cell: the later box's size and offset win.
/// </summary>
internal static class CenterNetTargets
{
    /// <summary>The smallest IoU a box whose corners move within the radius keeps with the true box: CenterNet's 0.7.</summary>
    public const double MinimumOverlap = 0.7;

    /// <summary>
    /// CenterNet's <c>gaussian_radius</c> (Law and Deng's CornerNet bound, as CenterNet's code computes it, including its
    /// division of each root by 2 rather than 2a): the smallest of the three quadratics' larger roots.
    /// </summary>
    /// <param name="height">Box height (map cells).</param>
    /// <param name="width">Box width (map cells).</param>
    /// <param name="minimumOverlap">The IoU bound.</param>
    public static double GaussianRadius(double height, double width, double minimumOverlap = MinimumOverlap)
    {
        var b1 = height + width;
        var c1 = width * height * (1 - minimumOverlap) / (1 + minimumOverlap);
        var r1 = (b1 + Math.Sqrt((b1 * b1) - (4 * c1))) / 2;
        var b2 = 2 * (height + width);
        var c2 = (1 - minimumOverlap) * width * height;
        var r2 = (b2 + Math.Sqrt((b2 * b2) - (4 * 4 * c2))) / 2;
        var a3 = 4 * minimumOverlap;
        var b3 = -2 * minimumOverlap * (height + width);
        var c3 = (minimumOverlap - 1) * width * height;
        var r3 = (b3 + Math.Sqrt((b3 * b3) - (4 * a3 * c3))) / 2;
        return Math.Min(r1, Math.Min(r2, r3));
    }

    /// <summary>The targets of a batch.</summary>
    /// <param name="boxes">Per image, (N, 4) Float32 corners in pixels.</param>
    /// <param name="classes">Per image, (N) Int64 class indices 0…K−1.</param>
    /// <param name="classCount">K.</param>
    /// <param name="height">Map height h.</param>
    /// <param name="width">Map width w.</param>
    /// <param name="stride">Pixels per map cell s.</param>
    public static DetectionTargets Build(IReadOnlyList<Tensor> boxes, IReadOnlyList<Tensor> classes, int classCount, int height, int width, int stride)
    {
        var cells = height * width;
        var images = boxes.Count;
        var heatmap = new float[images * classCount * cells];
        var size = new float[images * 2 * cells];
        var offset = new float[images * 2 * cells];
        var centres = new float[images * cells];
        var counts = new long[images];
        for (var image = 0; image < images; image++)
        {
            counts[image] = classes[image].shape[0];
            if (counts[image] == 0)
            {
                continue;
            }

            var corners = boxes[image].data<float>().ToArray();
            var labels = classes[image].data<long>().ToArray();
            for (var b = 0; b < labels.Length; b++)
            {
                var (x0, y0, x1, y1) = (corners[4 * b], corners[(4 * b) + 1], corners[(4 * b) + 2], corners[(4 * b) + 3]);
                var (cx, cy) = ((x0 + x1) / 2.0 / stride, (y0 + y1) / 2.0 / stride);
                var (boxWidth, boxHeight) = ((x1 - x0) / (double)stride, (y1 - y0) / (double)stride);
                var px = Math.Clamp((int)Math.Floor(cx), 0, width - 1);
                var py = Math.Clamp((int)Math.Floor(cy), 0, height - 1);
                var cell = (py * width) + px;
                size[(image * 2 * cells) + cell] = (float)boxWidth;
                size[(((image * 2) + 1) * cells) + cell] = (float)boxHeight;
                offset[(image * 2 * cells) + cell] = (float)(cx - px);
                offset[(((image * 2) + 1) * cells) + cell] = (float)(cy - py);
                centres[(image * cells) + cell] = 1;
                var radius = Math.Max(0, Math.Floor(GaussianRadius(boxHeight, boxWidth)));
                var sigma = ((2 * radius) + 1) / 6;
                DrawGaussian(heatmap.AsSpan(((image * classCount) + (int)labels[b]) * cells, cells), width, px, py, sigma);
            }
        }

        return new DetectionTargets(
            tensor(heatmap, [images, classCount, height, width]),
            tensor(size, [images, 2, height, width]),
            tensor(offset, [images, 2, height, width]),
            tensor(centres, [images, 1, height, width]),
            counts);
    }

    /// <summary>Raises <paramref name="map"/> (h×w, row-major) to the Gaussian of σ centred on cell (px, py) where it is lower.</summary>
    private static void DrawGaussian(Span<float> map, int width, int px, int py, double sigma)
    {
        var denominator = 2 * sigma * sigma;
        for (var y = 0; y < map.Length / width; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var dx = x - px;
                var dy = y - py;
                var value = (float)Math.Exp(-((dx * dx) + (dy * dy)) / denominator);
                ref var cell = ref map[(y * width) + x];
                cell = Math.Max(cell, value);
            }
        }
    }
}
