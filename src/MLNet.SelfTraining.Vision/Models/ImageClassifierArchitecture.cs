namespace MLNet.SelfTraining.Vision.Models;

/// <summary>The network families of the TorchSharp image classifier.</summary>
public enum ImageClassifierArchitecture
{
    /// <summary>
    /// A small CNN for digit-sized images (e.g. 1×28×28): conv-bn-relu and 2×2 max pooling twice, two residual
    /// conv-bn-relu blocks with stochastic depth, dropout and a linear classifier. About 124k parameters at width 32;
    /// fast on one CPU core.
    /// </summary>
    SmallCnn,

    /// <summary>
    /// A ResNet for small images (CIFAR-style: a 3×3 stem without max pooling, basic blocks, global average pooling),
    /// with configurable width and blocks per stage; width 64 with 2,2,2,2 blocks is ResNet-18.
    /// </summary>
    ResNet,
}
