namespace MLNet.SelfTraining.Vision.Models.Backbones;

/// <summary>The backbone families: the feature extractors that the tasks' heads (classification, and later
/// segmentation and detection) are put on.</summary>
public enum BackboneArchitecture
{
    /// <summary>
    /// A small CNN for digit-sized images (e.g. 1×28×28): conv-bn-relu and 2×2 max pooling twice, then two residual
    /// conv-bn-relu blocks with stochastic depth; a stride-4 feature map of 2w channels at width w. The classifier
    /// flattens the whole map into dropout and a linear layer: about 124k parameters at width 32 and 10 classes; fast on
    /// one CPU core.
    /// </summary>
    SmallCnn,

    /// <summary>
    /// A ResNet for small images (CIFAR-style: a 3×3 stem without max pooling, then stages of basic blocks), with
    /// configurable width and blocks per stage; the classifier pools the feature map globally. Width 64 with 2,2,2,2
    /// blocks is ResNet-18.
    /// </summary>
    ResNet,
}
