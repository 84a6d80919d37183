using MLNet.SelfTraining.Vision.Augmentation;
using MLNet.SelfTraining.Vision.Engine;
using MLNet.SelfTraining.Vision.Models.Backbones;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

public sealed partial class TorchImageClassifierTrainer
{
    /// <summary>Options of <see cref="TorchImageClassifierTrainer"/>. Every default is listed on its property.</summary>
    public sealed class Options
    {
        /// <summary>The image column: a known-size vector of <see cref="float"/> with
        /// <see cref="ImageChannels"/>·<see cref="ImageHeight"/>·<see cref="ImageWidth"/> values in C×H×W order. Default: "Features".</summary>
        public string FeatureColumnName { get; set; } = Defaults.FeatureColumnName;

        /// <summary>The label column, a key type (e.g. from <c>MapValueToKey</c>); its key count is the number of classes. Default: "Label".</summary>
        public string LabelColumnName { get; set; } = Defaults.LabelColumnName;

        /// <summary>An optional <see cref="float"/> column whose values multiply each row's loss. Default: <see langword="null"/>.</summary>
        public string? ExampleWeightColumnName { get; set; }

        /// <summary>The <see cref="bool"/> column marking pseudo-labeled rows; when present in the training data the trainer
        /// runs in student mode (mixed batches, loss normalization). Default: "IsPseudoLabel".</summary>
        public string PseudoLabelFlagColumnName { get; set; } = Defaults.PseudoLabelFlagColumnName;

        /// <summary>The soft-target column (a vector of class probabilities); when present in the training data the loss is
        /// cross-entropy against these probabilities. <see langword="null"/> trains on hard labels only. Default: "SoftLabel".</summary>
        public string? SoftLabelColumnName { get; set; } = Defaults.SoftLabelColumnName;

        /// <summary>Image channels. Default: 1.</summary>
        public int ImageChannels { get; set; } = Defaults.ImageChannels;

        /// <summary>Image height in pixels. Default: 28.</summary>
        public int ImageHeight { get; set; } = Defaults.ImageHeight;

        /// <summary>Image width in pixels. Default: 28.</summary>
        public int ImageWidth { get; set; } = Defaults.ImageWidth;

        /// <summary>Factor applied to the pixel values before the network (and augmentation, which expects [0, 1]);
        /// use 1/255 for 0–255 pixels. Default: 1.</summary>
        public float InputScale { get; set; } = Defaults.InputScale;

        /// <summary>The backbone family. Default: <see cref="BackboneArchitecture.SmallCnn"/>.</summary>
        public BackboneArchitecture Architecture { get; set; } = BackboneArchitecture.SmallCnn;

        /// <summary>Channels of the first stage, or <see langword="null"/> for the architecture's (32 for the small CNN, 64 for ResNet). Default: <see langword="null"/>.</summary>
        public int? BaseWidth { get; set; }

        /// <summary>ResNet basic blocks per stage; one stage per entry. Default: 2, 2, 2, 2 (ResNet-18).</summary>
        public int[] BlocksPerStage { get; set; } = [.. Defaults.BlocksPerStage];

        /// <summary>Dropout probability before the final linear layer. Default: 0.2.</summary>
        public double DropoutRate { get; set; } = Defaults.DropoutRate;

        /// <summary>Stochastic-depth drop probability of the last residual branch (earlier ones get linearly less). Default: 0.</summary>
        public double StochasticDepthRate { get; set; }

        /// <summary>Training augmentation (the student's noise). Default: <see cref="AugmentationPolicy.None"/>.</summary>
        public AugmentationOptions Augmentation { get; set; } = new();

        /// <summary>The optimizer. Default: <see cref="TorchOptimizer.AdamW"/>.</summary>
        public TorchOptimizer Optimizer { get; set; } = TorchOptimizer.AdamW;

        /// <summary>Peak learning rate, reached after warmup and decayed with a cosine to 0. Default: 0.001.</summary>
        public double LearningRate { get; set; } = Defaults.LearningRate;

        /// <summary>SGD momentum. Default: 0.9.</summary>
        public double Momentum { get; set; } = Defaults.Momentum;

        /// <summary>Whether SGD uses Nesterov momentum. Default: <see langword="true"/>.</summary>
        public bool Nesterov { get; set; } = true;

        /// <summary>Weight decay: decoupled for AdamW, L2 for SGD. Default: 0.01.</summary>
        public double WeightDecay { get; set; } = Defaults.WeightDecay;

        /// <summary>
        /// Decay of an exponential moving average of the weights kept during training (e.g. 0.999); the trained model
        /// then holds the averaged weights instead of the last step's (batch-norm statistics are the last step's). The
        /// decay is warmed up as <c>min(decay, (1+t)/(10+t))</c> over the steps <c>t</c>. <see langword="null"/> keeps
        /// the last weights. Measured neutral on MNIST-10k (±0.05 points at 0.999; docs/benchmarks.md, Figure 1f).
        /// Default: <see langword="null"/>.
        /// </summary>
        public double? WeightAverageDecay { get; set; }

        /// <summary>Share of the steps spent in linear warmup, in [0, 1). Default: 0.05.</summary>
        public double WarmupFraction { get; set; } = Defaults.WarmupFraction;

        /// <summary>Passes over the training data (over the pseudo-labeled rows in student mode). Default: 10.</summary>
        public int NumberOfEpochs { get; set; } = Defaults.NumberOfEpochs;

        /// <summary>Optimizer steps; when set it replaces <see cref="NumberOfEpochs"/>. Default: <see langword="null"/>.</summary>
        public int? NumberOfSteps { get; set; }

        /// <summary>Rows per training batch (human plus pseudo-labeled). Default: 128.</summary>
        public int BatchSize { get; set; } = Defaults.BatchSize;

        /// <summary>Student mode: pseudo-labeled rows per human-labeled row in each batch. Default: 1 (1:1).</summary>
        public double PseudoLabelRatio { get; set; } = Defaults.PseudoLabelRatio;

        /// <summary>Student mode: the pseudo-loss weight α of <see cref="LossNormalizer"/>. Default: 1.</summary>
        public double PseudoLossWeight { get; set; } = Defaults.PseudoLossWeight;

        /// <summary>Student mode: whether to normalize the pseudo loss to the human loss's running average (Zoph et al.);
        /// <see langword="false"/> gives <c>L_h + α·L_p</c>. Default: <see langword="true"/>. With
        /// <see cref="MaskUnconfidentPseudoRows"/> the plain sum (FixMatch's own loss) measured better on MNIST-10k: the
        /// human loss on a few labels falls far below the pseudo loss, and the normalization then shrinks the pseudo
        /// term (weight 0.2 against 0.5 at the end of training; docs/benchmarks.md, Figure 1g).</summary>
        public bool NormalizeLoss { get; set; } = true;

        /// <summary>Student mode: decay β of the loss moving averages. Default: 0.99.</summary>
        public double LossAverageDecay { get; set; } = Defaults.LossAverageDecay;

        /// <summary>
        /// Student mode: online re-labeling threshold, or <see langword="null"/> for the paper's fixed pseudo labels. When
        /// set, each step the network being trained predicts its pseudo-labeled rows on the un-augmented images (eval mode,
        /// no gradient), and where its probability reaches this value its own class replaces the teacher's target
        /// (FixMatch-style: the student keeps correcting the teacher as it improves). Costs one extra forward pass over the
        /// pseudo-labeled half of each batch; measured on MNIST-10k it changed accuracy by at most +0.15 points
        /// (docs/benchmarks.md, Figure 1d), and matters with <see cref="MaskUnconfidentPseudoRows"/> (Figure 1f).
        /// Default: <see langword="null"/>.
        /// </summary>
        public double? OnlineRelabelThreshold { get; set; }

        /// <summary>
        /// Student mode with <see cref="OnlineRelabelThreshold"/>: whether pseudo-labeled rows on which the network's own
        /// top probability is below the threshold are left out of that step's loss (FixMatch's confidence mask, with the
        /// un-augmented image as the weak view) instead of keeping the teacher's target. The teacher's labels are then
        /// never used as targets: with a confidence threshold of 0 in the self-training selection, every unlabeled row
        /// is a candidate and the student trains FixMatch-style on the whole pool. Measured on MNIST-10k (threshold 0.95,
        /// 1:3 batches, 4,000 steps, one round; docs/benchmarks.md, Figure 1f): the best mean at 250 labels, the
        /// 5-round plateau in one round at 100 labels, below the teacher-labeled recipe at 1,000 labels; much longer
        /// training can collapse onto the student's own mistakes. With elastic distortion
        /// (<see cref="Augmentation.AugmentationOptions.ElasticAlpha"/>) and <see cref="NormalizeLoss"/> off it gave the best
        /// students measured (Figure 1g). Default: <see langword="false"/>.
        /// </summary>
        public bool MaskUnconfidentPseudoRows { get; set; }

        /// <summary>
        /// Student mode with <see cref="OnlineRelabelThreshold"/> and <see cref="WeightAverageDecay"/>: whether the online
        /// targets (and the confidence mask) come from the weight average — a mean teacher (Tarvainen and Valpola 2017),
        /// steadier than the network being trained — instead of from the network itself. Costs one copy of the weights
        /// per step. Measured on MNIST-10k at 250 labels: +0.08 points, within seed noise (docs/benchmarks.md, Figure 1h).
        /// Default: <see langword="false"/>.
        /// </summary>
        public bool RelabelWithWeightAverage { get; set; }

        /// <summary>A fitted classifier with the same network whose weights initialize training (e.g. the teacher);
        /// <see langword="null"/> starts from random weights. Default: <see langword="null"/>.</summary>
        public TorchImageClassifierTransformer? InitialModel { get; set; }

        /// <summary>
        /// A backbone archive (written by <see cref="TorchImageClassifierTransformer.SaveBackbone(string)"/>) that
        /// initializes the backbone; the head starts fresh. Its backbone must have this trainer's
        /// <see cref="Architecture"/>, <see cref="ImageChannels"/>, width and (ResNet) <see cref="BlocksPerStage"/> (checked
        /// at fit); the classes may differ. Ignored when training starts from a whole model (<see cref="InitialModel"/>, or
        /// the teacher given to <see cref="TorchImageClassifierTrainer.StartFrom"/>). Default: <see langword="null"/> (random weights).
        /// </summary>
        public string? InitialBackbonePath { get; set; }

        /// <summary>Seed of weight initialization, shuffling, augmentation and dropout; <see langword="null"/> draws one from
        /// the <see cref="Microsoft.ML.MLContext"/>'s random source. Default: <see langword="null"/>.</summary>
        public int? Seed { get; set; }

        /// <summary>TorchSharp intra-op threads (process-wide, set at fit and load). Default: 1; on small CPU machines more
        /// threads can be much slower.</summary>
        public int NumberOfThreads { get; set; } = Defaults.NumberOfThreads;

        /// <summary>Rows per forward pass when scoring. Default: 256.</summary>
        public int InferenceBatchSize { get; set; } = Defaults.InferenceBatchSize;

        /// <summary>Cancels training between steps (throws <see cref="OperationCanceledException"/>). Default: none.</summary>
        public CancellationToken CancellationToken { get; set; }

        internal static class Defaults
        {
            public const string FeatureColumnName = "Features";
            public const string LabelColumnName = "Label";
            public const string PseudoLabelFlagColumnName = "IsPseudoLabel";
            public const string SoftLabelColumnName = "SoftLabel";
            public const int ImageChannels = 1;
            public const int ImageHeight = 28;
            public const int ImageWidth = 28;
            public const float InputScale = 1f;
            public static readonly int[] BlocksPerStage = [2, 2, 2, 2];
            public const double DropoutRate = 0.2;
            public const double LearningRate = 0.001;
            public const double Momentum = 0.9;
            public const double WeightDecay = 0.01;
            public const double WarmupFraction = 0.05;
            public const int NumberOfEpochs = 10;
            public const int BatchSize = 128;
            public const double PseudoLabelRatio = 1.0;
            public const double PseudoLossWeight = 1.0;
            public const double LossAverageDecay = 0.99;
            public const int NumberOfThreads = 1;
            public const int InferenceBatchSize = 256;
        }
    }
}
