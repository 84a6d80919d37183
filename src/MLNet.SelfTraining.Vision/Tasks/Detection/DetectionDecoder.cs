using MLNet.SelfTraining.Vision.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Tasks.Detection;

/// <summary>
/// Turns the network's (B, K + 4, h, w) maps into each image's boxes, as CenterNet decodes: heat = sigmoid(heatmap
/// logits); the peaks are the cells equal to their 3×3 max-pool; the top <see cref="DetectionDecoding.Candidates"/> over
/// K·h·w; each peak's box is <c>((px + ox − sw/2)·s, (py + oy − sh/2)·s, (px + ox + sw/2)·s, (py + oy + sh/2)·s)</c>
/// clipped to [0, W]×[0, H] (a negative predicted size sw or sh counts as 0, so x0 ≤ x1 and y0 ≤ y1 even early in
/// training); then per image the boxes scoring at least the threshold go through per-class NMS
/// (<see cref="NonMaximumSuppression"/> on the boxes shifted by class × (max(W, H) + 1), so boxes of different classes
/// never overlap), and the first <see cref="DetectionDecoding.MaximumDetections"/> in descending score are kept
/// (<see cref="DetectionRow"/> layout).
/// </summary>
internal sealed class DetectionDecoder
{
    private readonly DetectionDecoding _decoding;
    private readonly int _stride;
    private readonly int _imageHeight;
    private readonly int _imageWidth;

    /// <param name="decoding">Threshold, NMS and count.</param>
    /// <param name="stride">Pixels per map cell.</param>
    /// <param name="imageHeight">Image height H (the clipping bound).</param>
    /// <param name="imageWidth">Image width W (the clipping bound).</param>
    public DetectionDecoder(DetectionDecoding decoding, int stride, int imageHeight, int imageWidth)
    {
        _decoding = decoding;
        _stride = stride;
        _imageHeight = imageHeight;
        _imageWidth = imageWidth;
    }

    /// <summary>The (B, <see cref="DetectionDecoding.OutputSize"/>) Float32 decoded rows of a batch's outputs.</summary>
    /// <param name="output">(B, K + 4, h, w) network outputs.</param>
    /// <param name="classCount">K.</param>
    public Tensor Decode(Tensor output, int classCount)
    {
        using var scope = NewDisposeScope();
        var (images, height, width) = (output.shape[0], output.shape[2], output.shape[3]);
        using var cells = (height * width).ToScalar();
        using var mapWidth = width.ToScalar();
        using var stride = _stride.ToScalar();
        using var right = _imageWidth.ToScalar();
        using var bottom = _imageHeight.ToScalar();
        using var threshold = _decoding.ScoreThreshold.ToScalar();
        using var classOffset = (Math.Max(_imageWidth, _imageHeight) + 1).ToScalar();
        var (zero, one, two) = (KeptScalars.Zero, KeptScalars.One, KeptScalars.Two);
        var heat = output.narrow(1, 0, classCount).sigmoid();
        var peaks = heat.mul(nn.functional.max_pool2d(heat, 3, stride: 1, padding: 1).eq(heat));
        var k = Math.Min(_decoding.Candidates, classCount * height * width);
        var (scores, index) = peaks.view(images, -1).topk((int)k);                            // (B, k) each
        var classes = index.div(cells, rounding_mode: RoundingMode.floor);
        var cell = index.remainder(cells);
        var px = cell.remainder(mapWidth).to_type(ScalarType.Float32);
        var py = cell.div(mapWidth, rounding_mode: RoundingMode.floor).to_type(ScalarType.Float32);
        var regression = output.narrow(1, classCount, 4).reshape(images, 4, -1);               // (B, 4, h·w)
        var at = regression.gather(2, cell.unsqueeze(1).expand(-1, 4, -1));                  // (B, 4, k): sw, sh, ox, oy
        var (cx, cy) = (px.add(at[.., 2], alpha: one), py.add(at[.., 3], alpha: one));
        var (halfWidth, halfHeight) = (at[.., 0].clamp_min(zero).div(two), at[.., 1].clamp_min(zero).div(two));   // a negative size counts as 0
        var boxes = stack(
            [
                cx.sub(halfWidth).mul(stride).clamp(zero, right),
                cy.sub(halfHeight).mul(stride).clamp(zero, bottom),
                cx.add(halfWidth, alpha: one).mul(stride).clamp(zero, right),
                cy.add(halfHeight, alpha: one).mul(stride).clamp(zero, bottom),
            ], 2);                                                                              // (B, k, 4)
        var rows = zeros(images, _decoding.OutputSize);
        for (var image = 0; image < images; image++)
        {
            Select(boxes[image], scores[image], classes[image], rows[image], threshold, classOffset);
        }

        return rows.MoveToOuterDisposeScope();
    }

    /// <summary>Writes one image's kept boxes into its row (<paramref name="threshold"/> and <paramref name="classOffset"/> made once per batch).</summary>
    private void Select(Tensor boxes, Tensor scores, Tensor classes, Tensor row, Scalar threshold, Scalar classOffset)
    {
        var passing = scores.ge(threshold).nonzero().flatten();
        var (kept, keptScores, keptClasses) = (boxes.index_select(0, passing), scores.index_select(0, passing), classes.index_select(0, passing));
        var shift = keptClasses.to_type(ScalarType.Float32).mul(classOffset).unsqueeze(1);
        var order = NonMaximumSuppression.Keep(kept.add(shift, alpha: KeptScalars.One), keptScores, _decoding.NmsIouThreshold);
        order = order.narrow(0, 0, Math.Min(order.shape[0], _decoding.MaximumDetections));
        var count = order.shape[0];
        row[0] = count;
        if (count > 0)
        {
            var fields = cat([keptClasses.index_select(0, order).to_type(ScalarType.Float32).unsqueeze(1),
                keptScores.index_select(0, order).unsqueeze(1), kept.index_select(0, order)], 1);   // (n, 6)
            row.narrow(0, 1, count * DetectionRow.FieldsPerBox).copy_(fields.flatten());
        }
    }
}
