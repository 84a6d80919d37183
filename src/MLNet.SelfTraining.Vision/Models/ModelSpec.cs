namespace MLNet.SelfTraining.Vision.Models;

/// <summary>Everything needed to rebuild a classifier network (and to store it in a model archive's manifest).</summary>
/// <param name="Architecture">The network family.</param>
/// <param name="Channels">Input channels.</param>
/// <param name="ImageHeight">Input height in pixels.</param>
/// <param name="ImageWidth">Input width in pixels.</param>
/// <param name="ClassCount">Number of classes (logits).</param>
/// <param name="BaseWidth">Channels of the first stage; later stages double it.</param>
/// <param name="BlocksPerStage">ResNet basic blocks per stage (ignored by the small CNN).</param>
/// <param name="DropoutRate">Dropout before the final linear layer.</param>
/// <param name="StochasticDepthRate">Drop probability of the last residual branch; earlier branches get linearly less.</param>
internal sealed record ModelSpec(
    ImageClassifierArchitecture Architecture,
    int Channels,
    int ImageHeight,
    int ImageWidth,
    int ClassCount,
    int BaseWidth,
    int[] BlocksPerStage,
    double DropoutRate,
    double StochasticDepthRate);
