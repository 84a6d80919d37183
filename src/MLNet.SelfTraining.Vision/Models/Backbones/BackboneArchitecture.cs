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

    /// <summary>
    /// The ImageNet ResNet-18 of ML.NET's <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> package, so that training can
    /// start from its ImageNet weights (<see cref="NetworkOptions.InitialBackbonePath"/> accepts the package's
    /// <c>ResNet18.onnx</c>): a 7×7 stride-2 stem and 3×3 max pooling, then basic blocks 2, 2, 2, 3 per stage at widths 64
    /// to 512 (15.9M parameters); a stride-32 feature map of 512 channels, pooled globally by the classifier. Grey (1
    /// channel) or RGB (3 channels) images with pixels in [0, 1] after <see cref="NetworkOptions.InputScale"/> are turned
    /// into the package's input inside the network (a grey channel replicated; BGR in 0–255 minus the ImageNet channel
    /// means). <see cref="NetworkOptions.BaseWidth"/> and <see cref="NetworkOptions.BlocksPerStage"/> do not apply.
    /// </summary>
    ImageNetResNet18,
}
