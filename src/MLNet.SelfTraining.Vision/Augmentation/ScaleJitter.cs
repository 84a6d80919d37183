using MLNet.SelfTraining.Vision.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Augmentation;

/// <summary>
/// Draws the geometric part of S1–S4 for a batch: per image a random zoom with random crop/pad position, optional
/// horizontal flip, optional small rotation and optional elastic distortion, all in one sampling grid
/// (<see cref="GeometricTransform"/>), which moves the images (uncovered pixels 0) and their targets alike.
/// </summary>
internal sealed class ScaleJitter
{
    private static readonly Scalar s_half = 0.5.ToScalar();

    private readonly double _minimum;
    private readonly double _maximum;
    private readonly bool _flip;
    private readonly double _maximumRadians;
    private readonly ElasticDistortion? _elastic;

    public ScaleJitter(double minimum, double maximum, bool flip, double maximumRotationDegrees, ElasticDistortion? elastic)
    {
        _minimum = minimum;
        _maximum = maximum;
        _flip = flip;
        _maximumRadians = maximumRotationDegrees * Math.PI / 180;
        _elastic = elastic;
    }

    /// <summary>Draws one transform per image of a batch of the given (B, C, H, W) shape.</summary>
    public GeometricTransform Draw(long[] shape, Generator generator)
    {
        var n = shape[0];
        using var range = (_maximum - _minimum).ToScalar();
        using var minimum = _minimum.ToScalar();
        using var maximumRadians = _maximumRadians.ToScalar();
        var (one, two) = (KeptScalars.One, KeptScalars.Two);
        // Output coordinate u (normalized, [-1, 1]) samples the input at u / s + t; |t| <= |1 - 1/s| keeps the crop inside
        // the image when s > 1 and the whole image inside the output when s < 1.
        var inverseScale = rand(n, generator: generator).mul(range).add(minimum, alpha: one).reciprocal();
        var room = inverseScale.sub(one).abs();
        var tx = rand(n, generator: generator).mul(two).sub(one).mul(room);
        var ty = rand(n, generator: generator).mul(two).sub(one).mul(room);
        var sx = inverseScale;
        if (_flip)
        {
            sx = sx.mul(rand(n, generator: generator).lt(s_half).to_type(ScalarType.Float32).mul(two).sub(one));
        }

        var sy = inverseScale;
        // Input = R(a)·diag(sx, sy)·u + t: the zoom/flip, then a rotation about the centre by a ~ U(-r, r) (a = 0 and no
        // draw from the generator when rotation is off, so the paper's policies keep their random stream).
        var cos = ones_like(sx);
        var sin = zeros_like(sx);
        if (_maximumRadians > 0)
        {
            var angle = rand(n, generator: generator).mul(two).sub(one).mul(maximumRadians);
            cos = angle.cos();
            sin = angle.sin();
        }

        var theta = stack([sx.mul(cos), sy.mul(sin).neg(), tx, sx.mul(sin), sy.mul(cos), ty], 1).view(n, 2, 3);    // (B, 2, 3)
        var grid = nn.functional.affine_grid(theta, shape, align_corners: false);         // (B, H, W, 2)
        if (_elastic is null)                                                             // no draw when off, as above
        {
            return new GeometricTransform(theta, null, grid);
        }

        var offsets = _elastic.Offsets(n, shape[2], shape[3], generator);
        return new GeometricTransform(theta, offsets, grid.add(offsets, alpha: one));
    }
}
