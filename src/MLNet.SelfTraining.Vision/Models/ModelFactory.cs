using static TorchSharp.torch;

namespace MLNet.SelfTraining.Vision.Models;

/// <summary>Builds the network described by a <see cref="ModelSpec"/>.</summary>
internal static class ModelFactory
{
    public static nn.Module<Tensor, Tensor> Create(ModelSpec spec) => spec.Architecture switch
    {
        ImageClassifierArchitecture.SmallCnn => new SmallCnn(spec),
        ImageClassifierArchitecture.ResNet => new SmallImageResNet(spec),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Architecture, "Unknown architecture."),
    };
}
