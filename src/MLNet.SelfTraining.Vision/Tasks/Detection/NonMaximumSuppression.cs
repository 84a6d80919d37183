using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>
/// Greedy non-maximum suppression with the results of TorchVision 0.107's <c>torchvision.ops.nms</c>: in descending
/// score (its <c>sort</c>, so ties fall the same way), keep a box and drop every later box whose IoU with it is not
/// <c>&lt;=</c> the threshold; IoU = inter / (area_i + area_j − inter) in float32, as TorchVision computes it. TorchVision
/// 0.107 implements <c>nms</c> in C# with tensor operations on numbers (<c>clamp(0)</c>, <c>&lt;= iou_threshold</c>,
/// <c>areas[i] + areas[order]</c> with its implicit alpha, <c>arange(1, n)</c>), each a <c>Scalar</c> that a GC during
/// the native call can free (<c>docs/torchsharp-pitfalls.md</c>); the boxes of one image are few (at most
/// <see cref="DetectionDecoding.Candidates"/>), so this works on their values in managed memory instead, without Scalars.
/// </summary>
internal static class NonMaximumSuppression
{
    /// <summary>The indices of the kept boxes, in descending score.</summary>
    /// <param name="boxes">(N, 4) Float32 boxes <c>x0 y0 x1 y1</c>.</param>
    /// <param name="scores">(N) Float32 scores.</param>
    /// <param name="iouThreshold">A box whose IoU with a kept, higher-scoring box is above this is dropped.</param>
    /// <returns>(n) Int64 indices into <paramref name="boxes"/>, on its device.</returns>
    public static Tensor Keep(Tensor boxes, Tensor scores, float iouThreshold)
    {
        if (scores.shape[0] == 0)                                                       // data<T>().ToArray() throws on no values
        {
            return empty(0, dtype: ScalarType.Int64, device: boxes.device);
        }

        using var scope = NewDisposeScope();
        var order = scores.sort(0, descending: true).Indices.cpu().data<long>().ToArray();
        var corners = boxes.cpu().contiguous().data<float>().ToArray();
        var areas = new float[order.Length];
        for (var box = 0; box < areas.Length; box++)
        {
            areas[box] = (corners[(4 * box) + 2] - corners[4 * box]) * (corners[(4 * box) + 3] - corners[(4 * box) + 1]);
        }

        var suppressed = new bool[order.Length];
        var kept = new List<long>();
        for (var first = 0; first < order.Length; first++)
        {
            if (suppressed[first])
            {
                continue;
            }

            var i = order[first];
            kept.Add(i);
            for (var later = first + 1; later < order.Length; later++)
            {
                // Not "> threshold": a NaN IoU (two empty boxes) drops the box, as TorchVision's "<=" does.
                if (!(Iou(corners, areas, i, order[later]) <= iouThreshold))
                {
                    suppressed[later] = true;
                }
            }
        }

        return tensor(kept.ToArray(), dtype: ScalarType.Int64).to(boxes.device).MoveToOuterDisposeScope();
    }

    /// <summary>The IoU of boxes <paramref name="i"/> and <paramref name="j"/>, in TorchVision's float32 operations.</summary>
    private static float Iou(float[] corners, float[] areas, long i, long j)
    {
        var (x0, y0, x1, y1) = (4 * i, (4 * i) + 1, (4 * i) + 2, (4 * i) + 3);
        var (u0, v0, u1, v1) = (4 * j, (4 * j) + 1, (4 * j) + 2, (4 * j) + 3);
        var width = Math.Max(Math.Min(corners[u1], corners[x1]) - Math.Max(corners[u0], corners[x0]), 0f);
        var height = Math.Max(Math.Min(corners[v1], corners[y1]) - Math.Max(corners[v0], corners[y0]), 0f);
        var inter = width * height;
        return inter / (areas[i] + areas[j] - inter);
    }
}
