namespace MLNet.SelfTraining.Vision.Models.Backbones;

/// <summary>Builds the backbone described by a <see cref="BackboneSpec"/>.</summary>
internal static class BackboneFactory
{
    public static Backbone Create(BackboneSpec spec) => spec.Architecture switch
    {
        BackboneArchitecture.SmallCnn => new SmallCnn(spec),
        BackboneArchitecture.ResNet => new SmallImageResNet(spec),
        BackboneArchitecture.ImageNetResNet18 => new ImageNetResNet18(spec),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Architecture, "Unknown architecture."),
    };
}
