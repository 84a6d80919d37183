using static TorchSharp.torch;

namespace SelfTraining.Vision;

/// <summary>
/// A plain TorchSharp copy of the library's internal SmallCnn (width 32, 1×28×28 → 10, dropout 0.2, no stochastic
/// depth), built from <c>nn.Sequential</c>, to time the network without the ML.NET trainer and data views around it.
/// </summary>
internal static class RawSmallCnn
{
    public static nn.Module<Tensor, Tensor> Create()
    {
        static nn.Module<Tensor, Tensor> ConvBnRelu(long input, long output) =>
            nn.Sequential(nn.Conv2d(input, output, 3, padding: 1, bias: false), nn.BatchNorm2d(output), nn.ReLU());
        return nn.Sequential(
            ConvBnRelu(1, 32), nn.MaxPool2d(2),
            ConvBnRelu(32, 64), nn.MaxPool2d(2),
            new Residual(ConvBnRelu(64, 64)), new Residual(ConvBnRelu(64, 64)),
            nn.Flatten(), nn.Dropout(0.2), nn.Linear(64 * 7 * 7, 10));
    }

    /// <summary><c>x + branch(x)</c>.</summary>
    private sealed class Residual : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> branch;

        public Residual(nn.Module<Tensor, Tensor> inner) : base(nameof(Residual))
        {
            branch = inner;
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => input.add(branch.forward(input));
    }
}
