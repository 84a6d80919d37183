namespace MLNet.SelfTraining.Vision.Engine;

/// <summary>How a TorchSharp image trainer optimizes: optimizer and schedule, length, batches, weight average, seed and
/// threads. Every default is listed on its property.</summary>
public sealed class OptimizationOptions
{
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

    /// <summary>Share of the steps spent in linear warmup, in [0, 1). Default: 0.05.</summary>
    public double WarmupFraction { get; set; } = Defaults.WarmupFraction;

    /// <summary>Passes over the training data (over the pseudo-labeled rows in student mode). Default: 10.</summary>
    public int NumberOfEpochs { get; set; } = Defaults.NumberOfEpochs;

    /// <summary>Optimizer steps; when set it replaces <see cref="NumberOfEpochs"/>. Default: <see langword="null"/>.</summary>
    public int? NumberOfSteps { get; set; }

    /// <summary>Rows per training batch (human plus pseudo-labeled). Default: 128.</summary>
    public int BatchSize { get; set; } = Defaults.BatchSize;

    /// <summary>
    /// Decay of an exponential moving average of the weights kept during training (e.g. 0.999); the trained model
    /// then holds the averaged weights instead of the last step's (batch-norm statistics are the last step's). The
    /// decay is warmed up as <c>min(decay, (1+t)/(10+t))</c> over the steps <c>t</c>. <see langword="null"/> keeps
    /// the last weights. Default: <see langword="null"/>.
    /// </summary>
    public double? WeightAverageDecay { get; set; }

    /// <summary>Seed of weight initialization, shuffling, augmentation and dropout; <see langword="null"/> draws one from
    /// the <see cref="Microsoft.ML.MLContext"/>'s random source. Default: <see langword="null"/>.</summary>
    public int? Seed { get; set; }

    /// <summary>TorchSharp intra-op threads (process-wide, set at fit; recorded in a saved model, not applied when it is loaded). Default: 1; on small CPU machines more
    /// threads can be much slower.</summary>
    public int NumberOfThreads { get; set; } = Defaults.NumberOfThreads;

    /// <summary>Rows per forward pass when scoring. Default: 256.</summary>
    public int InferenceBatchSize { get; set; } = Defaults.InferenceBatchSize;

    internal static class Defaults
    {
        public const double LearningRate = 0.001;
        public const double Momentum = 0.9;
        public const double WeightDecay = 0.01;
        public const double WarmupFraction = 0.05;
        public const int NumberOfEpochs = 10;
        public const int BatchSize = 128;
        public const int NumberOfThreads = 1;
        public const int InferenceBatchSize = 256;
    }
}
