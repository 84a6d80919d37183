using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models;

namespace MLNet.SelfTraining.Vision.Pretraining;

public sealed partial class TorchSimClrEstimator
{
    /// <summary>
    /// Options of <see cref="TorchSimClrEstimator"/>: the column names, the groups <see cref="Network"/>,
    /// <see cref="Optimization"/> and <see cref="Augmentation"/>, then the contrastive task. Every default is listed on its
    /// property.
    /// </summary>
    /// <remarks>
    /// <para><b>Input and output columns.</b></para>
    /// <list type="table">
    /// <listheader><term>Column</term><description>Type and meaning</description></listheader>
    /// <item><term><see cref="FeatureColumnName"/></term><description>Known-size vector of <see cref="float"/>, C×H×W pixels (input).</description></item>
    /// <item><term><see cref="OutputColumnName"/></term><description>Vector of K <see cref="float"/>: the backbone's globally
    /// average-pooled features, K = the backbone's output channels (output).</description></item>
    /// </list>
    /// </remarks>
    public sealed class Options
    {
        /// <summary>The image column: a known-size vector of <see cref="float"/> with
        /// <see cref="NetworkOptions.ImageChannels"/>·<see cref="NetworkOptions.ImageHeight"/>·<see cref="NetworkOptions.ImageWidth"/>
        /// values in C×H×W order. Default: "Features".</summary>
        public string FeatureColumnName { get; set; } = Defaults.FeatureColumnName;

        /// <summary>The embedding column the transformer adds: a vector of K <see cref="float"/>, the backbone's globally
        /// average-pooled features (K = the backbone's output channels: 2·width for the small CNN, width·2^(stages−1) for
        /// the ResNet). Not the projection head's output: SimCLR discards the head after pre-training. Default: "Embedding".</summary>
        public string OutputColumnName { get; set; } = Defaults.OutputColumnName;

        /// <summary>The input images and the backbone. <see cref="NetworkOptions.InitialBackbonePath"/> continues from a
        /// saved backbone; <see cref="NetworkOptions.DropoutRate"/> applies before the projection head's last linear layer
        /// and <see cref="NetworkOptions.StochasticDepthRate"/> to the backbone. Default: <see cref="NetworkOptions"/>'s
        /// defaults except <see cref="NetworkOptions.DropoutRate"/> = 0 (SimCLR's head has no dropout).</summary>
        public NetworkOptions Network { get; set; } = new() { DropoutRate = 0 };

        /// <summary>Optimizer and schedule, length, batches, seed and threads. <see cref="OptimizationOptions.BatchSize"/> is
        /// the number of images per step, each giving two views, so a step's forward pass sees twice as many images; it is
        /// also the contrastive batch (each view's negatives are the other 2·B − 2 views), which cannot be split into
        /// accumulated micro-batches: all 2·B views must fit in memory at once (B = 64 at 3×96×96 with the small CNN of
        /// width 16 peaked at about 1.1 GB resident memory for the whole process). Default:
        /// <see cref="OptimizationOptions"/>'s defaults except <see cref="OptimizationOptions.NumberOfSteps"/> = 1000.</summary>
        public OptimizationOptions Optimization { get; set; } = new() { NumberOfSteps = Defaults.NumberOfSteps };

        /// <summary>How each view of an image is drawn; the policy must not be <see cref="AugmentationPolicy.None"/>: the
        /// two views of an image differ only through augmentation. Default: <see cref="AugmentationPolicy.S4"/> (large scale
        /// jitter + RandAugment, the nearest to SimCLR's random crop and colour distortion).</summary>
        public AugmentationOptions Augmentation { get; set; } = new() { Policy = AugmentationPolicy.S4 };

        /// <summary>Size of the projection the contrastive loss compares. Default: 64.</summary>
        public int ProjectionDimension { get; set; } = Defaults.ProjectionDimension;

        /// <summary>Width of the projection head's hidden layer, or <see langword="null"/> for the backbone's output
        /// channels (SimCLR's choice). Default: <see langword="null"/>.</summary>
        public int? ProjectionHiddenDimension { get; set; }

        /// <summary>The NT-Xent temperature τ that divides the cosine similarities. Default: 0.5, the value SimCLR
        /// (Chen et al. 2020) used for small images with batches of a few hundred.</summary>
        public double Temperature { get; set; } = Defaults.Temperature;

        /// <summary>Cancels training between steps (throws <see cref="OperationCanceledException"/>). Default: none.</summary>
        public CancellationToken CancellationToken { get; set; }

        /// <summary>Receives every optimizer step of a fit (step, total steps, loss average, learning rate), on the training
        /// thread, synchronously: a handler must be quick and must not throw (an exception stops the fit). Reporting never
        /// changes training. Default: <see langword="null"/>.</summary>
        public IProgress<TrainingProgress>? Progress { get; set; }

        internal static class Defaults
        {
            public const string FeatureColumnName = "Features";
            public const string OutputColumnName = "Embedding";
            public const int NumberOfSteps = 1000;
            public const int ProjectionDimension = 64;
            public const double Temperature = 0.5;
        }
    }
}
