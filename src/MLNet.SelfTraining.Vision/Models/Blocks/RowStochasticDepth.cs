using TorchSharp;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Models.Blocks;

/// <summary>
/// Stochastic depth per sample (Huang et al. 2016), TorchVision 0.107's <c>StochasticDepth(p, Mode.Row)</c> with the same
/// draws: in training each row is zeroed with probability <c>p</c> and the others divided by <c>1 − p</c>; in evaluation,
/// or with p = 0, the input. TorchVision divides by a <c>Scalar</c> made from a number, which a GC during the native call
/// can free (<c>docs/torchsharp-pitfalls.md</c>); this one keeps it alive. (B, …) → (B, …).
/// </summary>
internal sealed class RowStochasticDepth : nn.Module<Tensor, Tensor>
{
    private readonly double _rate;

    /// <param name="rate">p, the probability of dropping a row, in [0, 1].</param>
    public RowStochasticDepth(double rate) : base(nameof(RowStochasticDepth))
    {
        _rate = rate;
    }

    public override Tensor forward(Tensor input)
    {
        if (!training || _rate == 0)
        {
            return input.alias();
        }

        var survival = 1 - _rate;
        var shape = Enumerable.Repeat(1L, (int)input.ndim).ToArray();
        shape[0] = input.shape[0];
        using var scope = NewDisposeScope();
        var noise = empty(shape, input.dtype, input.device).bernoulli_(survival);
        if (survival > 0)
        {
            using var divisor = survival.ToScalar();
            noise.div_(divisor);
        }

        return input.mul(noise).MoveToOuterDisposeScope();
    }
}
