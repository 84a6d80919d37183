using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Models.Heads;

/// <summary>
/// The classification head on a backbone's feature map: (B, C, h, w) → pooling (<see cref="HeadPooling"/>) → dropout →
/// linear → (B, classes) logits.
/// </summary>
internal sealed class ClassificationHead : nn.Module<Tensor, Tensor>
{
    private readonly AdaptiveAvgPool2d? avgpool;
    private readonly Dropout dropout;
    private readonly Linear fc;

    /// <param name="pooling">How the feature map becomes a vector.</param>
    /// <param name="channels">Channels of the feature map.</param>
    /// <param name="height">Height of the feature map (used when flattening).</param>
    /// <param name="width">Width of the feature map (used when flattening).</param>
    /// <param name="dropoutRate">Dropout probability before the linear layer.</param>
    /// <param name="classCount">Logits out.</param>
    public ClassificationHead(HeadPooling pooling, long channels, long height, long width, double dropoutRate, long classCount)
        : base(nameof(ClassificationHead))
    {
        if (pooling == HeadPooling.GlobalAverage)
        {
            avgpool = nn.AdaptiveAvgPool2d(1);
        }

        dropout = nn.Dropout(dropoutRate);
        fc = nn.Linear((long)InputFeatures(pooling, channels, height, width), classCount);
        RegisterComponents();
    }

    /// <summary>The parameters of a head: the linear layer's weights and biases.</summary>
    public static double ParameterCount(HeadPooling pooling, double channels, double height, double width, double classCount) =>
        (InputFeatures(pooling, channels, height, width) + 1) * classCount;

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var pooled = avgpool is null ? input : avgpool.forward(input);
        return fc.forward(dropout.forward(pooled.flatten(1))).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            avgpool?.Dispose();
            dropout.Dispose();
            fc.Dispose();
        }

        base.Dispose(disposing);
    }

    private static double InputFeatures(HeadPooling pooling, double channels, double height, double width) =>
        pooling == HeadPooling.Flatten ? channels * height * width : channels;
}
