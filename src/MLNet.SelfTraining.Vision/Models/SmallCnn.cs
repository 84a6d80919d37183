using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Models;

/// <summary>
/// The <see cref="ImageClassifierArchitecture.SmallCnn"/> network. With width w:
/// (B, C, H, W) → conv-bn-relu(w) → maxpool 2 → conv-bn-relu(2w) → maxpool 2 → two residual conv-bn-relu(2w) with
/// stochastic depth → flatten (B, 2w·⌊H/4⌋·⌊W/4⌋) → dropout → linear → (B, classes) logits. Full-resolution layers are
/// kept narrow: about 7.5M multiply-adds and 124k parameters per 1×28×28 image at w = 32 and 10 classes.
/// </summary>
internal sealed class SmallCnn : nn.Module<Tensor, Tensor>
{
    private readonly ConvBnRelu conv1;
    private readonly ConvBnRelu conv2;
    private readonly ResidualConvBnRelu conv3;
    private readonly ResidualConvBnRelu conv4;
    private readonly MaxPool2d pool;
    private readonly Dropout dropout;
    private readonly Linear fc;

    public SmallCnn(ModelSpec spec) : base(nameof(SmallCnn))
    {
        var width = spec.BaseWidth;
        conv1 = new ConvBnRelu(spec.Channels, width);
        conv2 = new ConvBnRelu(width, 2 * width);
        conv3 = new ResidualConvBnRelu(2 * width, spec.StochasticDepthRate / 2);
        conv4 = new ResidualConvBnRelu(2 * width, spec.StochasticDepthRate);
        pool = nn.MaxPool2d(2);
        dropout = nn.Dropout(spec.DropoutRate);
        fc = nn.Linear(2L * width * (spec.ImageHeight / 4) * (spec.ImageWidth / 4), spec.ClassCount);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = pool.forward(conv1.forward(input));                 // (B, w, H/2, W/2)
        x = pool.forward(conv2.forward(x));                         // (B, 2w, H/4, W/4)
        x = conv4.forward(conv3.forward(x));                        // (B, 2w, H/4, W/4)
        return fc.forward(dropout.forward(x.flatten(1))).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv1.Dispose();
            conv2.Dispose();
            conv3.Dispose();
            conv4.Dispose();
            pool.Dispose();
            dropout.Dispose();
            fc.Dispose();
        }
        base.Dispose(disposing);
    }
}
