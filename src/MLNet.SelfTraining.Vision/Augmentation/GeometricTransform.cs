using MLNet.SelfTraining.Vision.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Augmentation;

/// <summary>
/// One geometric transform per image of a batch, as a sampling grid: output point <c>u</c> (normalized coordinates,
/// <c>align_corners = false</c>) reads the input at <c>A·u + t + d(u)</c>, with the affine map <c>(A, t)</c> of the
/// zoom, flip and rotation and the elastic offsets <c>d</c>. Images are resampled bilinearly, masks nearest-neighbour,
/// and boxes by moving their corners. Its tensors belong to the dispose scope it was made in.
/// </summary>
internal sealed class GeometricTransform
{
    // The corners' inverse map under an elastic field is found by fixed-point iteration u ← A⁻¹(p − t − d(u)), which
    // converges fast for the smooth fields used (a displacement gradient far below 1).
    private const int ElasticIterations = 10;

    private readonly Tensor _theta;
    private readonly Tensor? _offsets;
    private readonly Tensor _grid;
    private readonly long _height;
    private readonly long _width;

    /// <param name="theta">(B, 2, 3) affine maps <c>[A | t]</c>.</param>
    /// <param name="offsets">(B, H, W, 2) elastic offsets (x then y), or <see langword="null"/>.</param>
    /// <param name="grid">(B, H, W, 2) the sampling grid: <c>affine_grid(theta)</c> plus the offsets.</param>
    public GeometricTransform(Tensor theta, Tensor? offsets, Tensor grid)
    {
        _theta = theta;
        _offsets = offsets;
        _grid = grid;
        _height = grid.shape[1];
        _width = grid.shape[2];
    }

    /// <summary>Resamples (B, C, H, W) images bilinearly; uncovered pixels are 0.</summary>
    public Tensor Sample(Tensor images) => nn.functional.grid_sample(images, _grid, align_corners: false);

    /// <summary>Resamples (B, H, W) Byte masks nearest-neighbour; uncovered pixels get <paramref name="padding"/>.</summary>
    public Tensor SampleMasks(Tensor masks, byte padding)
    {
        using var scope = NewDisposeScope();
        // Zero padding, shifted: values minus the padding value are sampled, so the padding comes back as itself.
        using var shift = padding.ToScalar();
        var shifted = masks.unsqueeze(1).to_type(ScalarType.Float32).sub(shift);
        var sampled = nn.functional.grid_sample(shifted, _grid, mode: GridSampleMode.Nearest, align_corners: false);
        return sampled.squeeze(1).add(shift, alpha: KeptScalars.One).round().to_type(ScalarType.Byte).MoveToOuterDisposeScope();
    }

    /// <summary>Moves the (N, 4) boxes <c>x0 y0 x1 y1</c> (pixels) of image <paramref name="image"/>: the box around its
    /// moved corners, clipped to the image.</summary>
    /// <returns>The boxes that keep an area, and which of the N boxes they are (a Bool mask).</returns>
    public (Tensor Boxes, Tensor Kept) MapBoxes(Tensor boxes, long image)
    {
        using var scope = NewDisposeScope();
        var (x0, y0, x1, y1) = (boxes[.., 0], boxes[.., 1], boxes[.., 2], boxes[.., 3]);
        var corners = stack([x0, y0, x1, y0, x0, y1, x1, y1], 1).view(-1, 2);            // (4N, 2) pixels
        var size = tensor(new[] { (float)_width, (float)_height });
        var (one, two) = (KeptScalars.One, KeptScalars.Two);
        var input = corners.mul(two).div(size).sub(one);                                    // normalized
        var shift = input.sub(_theta[image, .., 2]);
        var inverse = _theta[image, .., ..2].inverse().t();
        var output = shift.matmul(inverse);
        for (var i = 0; _offsets is not null && i < ElasticIterations; i++)
        {
            output = shift.sub(Offsets(image, output)).matmul(inverse);
        }

        var moved = output.add(one, alpha: one).mul(size).div(two).view(-1, 4, 2);          // (N, 4, 2) pixels
        var low = moved.amin(1).clamp(zeros(2), size);
        var high = moved.amax(1).clamp(zeros(2), size);
        var kept = high.gt(low).all(1);
        var result = cat([low, high], 1).index(kept);
        return (result.MoveToOuterDisposeScope(), kept.MoveToOuterDisposeScope());
    }

    /// <summary>The elastic offsets of image <paramref name="image"/> at (P, 2) normalized output points, bilinearly.</summary>
    private Tensor Offsets(long image, Tensor points)
    {
        var field = _offsets![image].permute(2, 0, 1).unsqueeze(0);                         // (1, 2, H, W)
        var sampled = nn.functional.grid_sample(field, points.view(1, 1, -1, 2),
            padding_mode: GridSamplePaddingMode.Border, align_corners: false);               // (1, 2, 1, P)
        return sampled.view(2, -1).t();
    }
}
