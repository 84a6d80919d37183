using MLNet.SelfTraining.Vision.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Augmentation;

/// <summary>
/// Simard et al.'s elastic distortion ("Best practices for convolutional neural networks applied to visual document
/// analysis", ICDAR 2003): a random displacement field, uniform in [-1, 1] per pixel and axis, smoothed by a Gaussian of
/// standard deviation σ pixels (zero outside the image, truncated at 4σ as SciPy's <c>gaussian_filter</c>) and scaled by
/// α pixels. Produces sampling-grid offsets for <c>grid_sample</c>, so the distortion shares the scale jitter's resampling.
/// </summary>
internal sealed class ElasticDistortion
{
    private readonly double _alpha;
    private readonly long _radius;
    private readonly float[] _kernel;

    public ElasticDistortion(double alpha, double sigma)
    {
        _alpha = alpha;
        _radius = (long)(4 * sigma + 0.5);
        // The normalized Gaussian taps, computed once (float32, as torch computes them) and copied in on each call.
        using var scope = NewDisposeScope();
        using var first = (-_radius).ToScalar();
        using var end = (_radius + 1).ToScalar();
        using var denominator = (-2 * sigma * sigma).ToScalar();
        var taps = arange(first, end, KeptScalars.One, dtype: ScalarType.Float32);
        var kernel = taps.pow(KeptScalars.Two).div(denominator).exp();                      // pow(2): square() makes a Scalar of 2
        _kernel = kernel.div(kernel.sum()).data<float>().ToArray();
    }

    /// <summary>Offsets to add to a (B, H, W, 2) normalized sampling grid (x then y, <c>align_corners = false</c>).</summary>
    public Tensor Offsets(long batch, long height, long width, Generator generator)
    {
        using var scope = NewDisposeScope();
        var kernel = tensor(_kernel);
        var noise = rand([batch * 2, 1, height, width], generator: generator).mul(KeptScalars.Two).sub(KeptScalars.One);
        var smooth = nn.functional.conv2d(noise, kernel.view(1, 1, -1, 1), padding: [_radius, 0]);
        smooth = nn.functional.conv2d(smooth, kernel.view(1, 1, 1, -1), padding: [0, _radius]);
        // Pixels → normalized units (a pixel is 2/W wide along x, 2/H along y); (B·2, 1, H, W) → (B, H, W, 2).
        var scale = tensor(new[] { (float)(2 * _alpha / width), (float)(2 * _alpha / height) });
        return smooth.view(batch, 2, height, width).permute(0, 2, 3, 1).mul(scale).MoveToOuterDisposeScope();
    }
}
